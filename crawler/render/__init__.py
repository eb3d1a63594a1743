"""Rendering in a headless browser: the crawl mode for pages whose list a script draws.

A page whose list a script builds in the browser is recorded `scripted` (crawler.extract.scripted),
and where its script names the list's JSON plainly, that JSON is read with GET as a further page of
its list (crawler.extract.jsonlist): reading the data is better than rendering. Only a scripted page
whose data could not be read that way is fetched once more, in headless Chromium, through
scrapy-playwright's download handler, chosen per request (request.meta['playwright']); every other
request goes through Scrapy's own HTTP handler and never touches a browser.

- `browser`              which browser (NETCHECK_BROWSER, else chromium on PATH), how it is launched,
                         what a rendered page waits for and what it does not load
- `addon`                the Scrapy add-on that installs the download handler when the crawl plan
                         allows rendering (render_budget > 0) and a browser is there
- `spidermiddleware`     RenderScripted: which scripted records get a render request, within the
                         plan's render_budget; marks rendered records; says why a page was not rendered
- `downloadermiddleware` RenderFailures: a render that fails (no browser, a timeout, an error answer)
                         leaves the page's first record standing instead of replacing it with an error
- `provider`             a browser provider that starts Playwright only for the first rendered page

The spider knows none of this: a rendered response is turned into a record like any other.
"""
