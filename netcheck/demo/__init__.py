"""The bundled demo portal: a 2016 municipal 食品药品监督管理局 site with planted defects.

- site.build() → {path: Page}, deterministic; site.lookup() resolves a request path.
- server.serve() → (server, base_url) on 127.0.0.1; `python -m netcheck.demo.server`.
- answer_key.yaml: what an audit as of 2016-06-30 must find, and the look-alikes it must not.
"""
