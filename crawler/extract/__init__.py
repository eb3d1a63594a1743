"""Pure extraction functions: HTML in, facts out. No Scrapy, no network, no judging.

One module per job:

- `normalize`  whitespace and traditional→simplified helpers shared by the others
- `encoding`   decode a body when Scrapy's guess produced mojibake
- `embedded`   unwrap lists that CMSs ship inside `<script type="text/xml">`
- `jsonlist`   column lists served as JSON (the data a scripted list page draws from)
- `content`    boilerplate removal, visible text as lines, the article body
- `meta_tags`  the national page-design `<meta>` tags (SiteName, PubDate …)
- `breadcrumb` the 当前位置 trail
- `metadata`   the 信息公开 metadata table (索引号, 发布日期 …)
- `dates`      every date form these sites print, and dates in URLs
- `lists`      column-list entries, and whether a page says its list is empty
- `notices`    the wordings of an empty column (暂无信息 …) and "this page is nothing but that"
- `urls`       one canonical spelling per URL (no session ids, sorted query)
- `links`      every link, image and frame, classified internal/external/…
- `pagination` further pages of a list built in script (TRS, Hanweb, 共N页)
- `scripted`   lists a script draws in the browser, and the data URLs it names
- `page`       puts the above together into a `PageRecord`
"""
