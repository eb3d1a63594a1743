"""Reading the sites file of `netcheck audit --sites`: YAML or a sheet, Chinese or English
columns, and a refusal that names the file, the row and the reason."""
from pathlib import Path

import pytest
from openpyxl import Workbook

from netcheck.sites import SitesError, load_sites


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_yaml_with_english_and_chinese_keys_and_a_catalog_beside_the_file(tmp_path):
    (tmp_path / "catalogs").mkdir()
    (tmp_path / "catalogs" / "fda.yaml").write_text("x", encoding="utf-8")
    path = write(tmp_path, "sites.yaml",
                 "- department: 市食品药品监督管理局\n  name: 食药监局网站\n  url: http://fda.example.gov.cn\n"
                 "  catalog: catalogs/fda.yaml\n"
                 "- 部门: 市档案局\n  首页: https://da.example.gov.cn/index.html\n")
    fda, archives = load_sites(path)
    assert (fda.department, fda.name, fda.url, fda.row) == ("市食品药品监督管理局", "食药监局网站",
                                                            "http://fda.example.gov.cn/", 1)
    assert fda.catalog == (tmp_path / "catalogs" / "fda.yaml").resolve()
    assert fda.site_id == "市食品药品监督管理局"
    assert (archives.department, archives.name, archives.catalog, archives.row) == ("市档案局", "", None, 2)


def test_a_site_without_department_is_known_by_its_name(tmp_path):
    [site] = load_sites(write(tmp_path, "s.yml", "sites:\n  - name: 门户网站\n    url: http://a.example/\n"))
    assert site.site_id == "门户网站"


def test_xlsx_with_the_office_headers_skipping_blank_lines(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["部门", "网站", "首页", "目录"])
    ws.append(["市财政局", "财政局网站", "http://czj.example.gov.cn/", None])
    ws.append([None, None, None, None])  # offices leave blank lines between groups
    ws.append(["市交通局", "交通局网站", " http://jtj.example.gov.cn ", None])
    path = tmp_path / "sites.xlsx"
    wb.save(path)
    sites = load_sites(path)
    assert [(s.department, s.url, s.row) for s in sites] == [
        ("市财政局", "http://czj.example.gov.cn/", 2), ("市交通局", "http://jtj.example.gov.cn/", 4)]


def test_csv_saved_by_excel_in_gbk(tmp_path):
    path = tmp_path / "sites.csv"
    path.write_bytes("部门,网站,首页\n市财政局,财政局网站,http://czj.example.gov.cn/\n".encode("gb18030"))
    [site] = load_sites(path)
    assert (site.department, site.name) == ("市财政局", "财政局网站")


@pytest.mark.parametrize("name, text, row, reason", [
    ("missing_url.yaml", "- department: 市财政局\n  url: http://czj.example/\n- department: 市交通局\n",
     2, "未填首页网址（url / 首页）"),
    ("ftp.yaml", "- department: 市财政局\n  url: ftp://czj.example/\n", 1, "不是 http(s) 网址：'ftp://czj.example/'"),
    ("unknown.yaml", "- department: 市财政局\n  url: http://czj.example/\n  联系人: 张三\n", 1, "未知的列 '联系人'"),
    ("unknown.csv", "部门,首页,联系人\n市财政局,http://czj.example/,张三\n", 1, "未知的列 '联系人'"),
    ("missing_url.csv", "部门,首页\n市财政局,http://czj.example/\n市交通局,\n", 3, "未填首页网址（url / 首页）"),
    ("nobody.yaml", "- url: http://czj.example/\n", 1, "部门（department / 部门）和网站名称（name / 网站）都未填"),
    ("twice.yaml", "- {department: 甲, url: 'http://a.example/'}\n- {department: 乙, url: 'http://a.example'}\n",
     2, "http://a.example/ 已列在第 1 行"),
    ("same_dept.yaml", "- {department: 甲, url: 'http://a.example/'}\n- {department: 甲, url: 'http://b.example/'}\n",
     2, "'甲' 已列在第 1 行"),
    ("no_catalog.yaml", "- {department: 甲, url: 'http://a.example/', catalog: nowhere.yaml}\n",
     1, "找不到目录 'nowhere.yaml'"),
    ("scalar.yaml", "- http://a.example/\n", 1, "每个网站须为映射"),
])
def test_a_bad_row_is_refused_with_file_row_and_reason(tmp_path, name, text, row, reason):
    path = write(tmp_path, name, text)
    with pytest.raises(SitesError) as err:
        load_sites(path)
    message = str(err.value)
    assert message.startswith(f"{path} 第 {row} 行："), message
    assert reason in message


@pytest.mark.parametrize("name, text, reason", [
    ("empty.yaml", "[]\n", "清单中没有网站"),
    ("mapping.yaml", "department: 甲\n", "须为网站列表"),
    ("sites.txt", "http://a.example/\n", "无法识别的文件格式 .txt"),
    ("broken.yaml", "- department: [甲\n", "YAML 格式有误"),
])
def test_a_file_that_is_no_list_of_sites_is_refused(tmp_path, name, text, reason):
    path = write(tmp_path, name, text)
    with pytest.raises(SitesError, match=reason) as err:
        load_sites(path)
    assert str(err.value).startswith(f"{path}：")
