"""Which Scrapyd node each site of `--sites --scrapyd A,B…` goes to (netcheck.scrapyd_sites.Placer): the node with
the fewest jobs waiting in its queue, then the fewest of ours, each node once per site; a node that does not
answer is asked last by the next sites; a bug in a site's thread fails that site only. The whole run on two real nodes: tests/scrapyd/test_scrapyd_sites.py."""
import pytest

from netcheck.scrapyd import ScrapydError
from netcheck.scrapyd_sites import Node, Placer, node_urls


class FakeNode(Node):
    def __init__(self, name: str, pending: int = 0, down: bool = False):
        super().__init__(f"http://{name}:6800/")
        self.name, self.pending, self.down, self.asked = name, pending, down, 0

    def queued(self) -> int:
        self.asked += 1
        if self.down:
            raise ScrapydError(f"无法连接 {self.name}")
        return self.pending


def names(placer: Placer, count: int) -> list:
    return [placer.take(set(), []).name for _ in range(count)]


def test_free_nodes_take_the_sites_in_turn():
    assert names(Placer([FakeNode("a"), FakeNode("b")]), 4) == ["a", "b", "a", "b"]


def test_a_node_whose_queue_waits_gets_no_site_while_another_starts_them_at_once():
    placer = Placer([FakeNode("busy", pending=2), FakeNode("free")])
    assert names(placer, 3) == ["free", "free", "free"]


def test_a_site_tries_each_node_once_then_fails_with_their_reasons():
    placer, tried, reasons = Placer([FakeNode("a", down=True), FakeNode("b")]), set(), []
    assert placer.take(tried, reasons).name == "b"
    assert reasons == ["无法连接 a"]
    assert placer.take(tried, reasons) is None  # b refused it, say: no node left


def test_a_node_that_did_not_answer_is_asked_last_by_the_next_sites():
    down, up = FakeNode("a", down=True), FakeNode("b")
    placer = Placer([down, up])
    names(placer, 3)
    assert down.asked == 1
    up.down = True  # when no other node is left, it is asked again
    tried, reasons = set(), []
    assert placer.take(tried, reasons) is None and down.asked == 2 and len(reasons) == 2


def test_ours_are_counted_until_released():
    a, b = FakeNode("a"), FakeNode("b")
    placer = Placer([a, b])
    first = placer.take(set(), [])
    placer.release(first)
    assert placer.take(set(), []).name == first.name and (a.ours, b.ours) == (1, 0)


@pytest.mark.parametrize("value, urls", [
    ("http://a:6800/", ["http://a:6800/"]),
    ("http://a:6800/, http://b:6800/,", ["http://a:6800/", "http://b:6800/"]),
])
def test_scrapyd_takes_urls_separated_by_commas(value, urls):
    assert node_urls(value) == urls


def test_a_sites_thread_that_raises_fails_that_site_only(monkeypatch):
    import queue

    from netcheck import scrapyd_sites

    def boom(*args):
        raise KeyError("plan")

    monkeypatch.setattr(scrapyd_sites, "crawl_one", boom)
    events = queue.Queue()
    scrapyd_sites._crawl_thread(3, "{}", None, None, None, None, events)
    assert events.get_nowait() == ("failed", 3, "抓取失败：KeyError: 'plan'", [])
