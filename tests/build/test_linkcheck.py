"""The check over the written HTML that every internal link and anchor resolves (macros.linkcheck),
on tiny sites written here, and on the real builds."""

from __future__ import annotations

from pathlib import Path

from macros.linkcheck import check_site, main, srcset_urls

SITE_URL = "https://example.org/med-guiden/"


def write_site(root: Path, pages: dict[str, str], site_url: str | None = SITE_URL) -> Path:
    """A site in `root`: each page's body as given, plus a sitemap naming `site_url`."""
    for name, body in pages.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(body if not name.endswith(".html") else f"<!doctype html><html><body>{body}</body></html>", encoding="utf-8")
    if site_url:
        (root / "sitemap.xml").write_text(f"<urlset><url><loc>{site_url}</loc></url></urlset>", encoding="utf-8")
    return root


def broken(root: Path, **options) -> list[str]:
    return [str(b) for b in check_site(root, **options).broken]


def test_a_link_to_a_missing_file_is_broken(tmp_path):
    site = write_site(tmp_path, {
        "index.html": '<a href="om-med/">ok</a> <a href="om-med/index.html">ok</a> <a href="mangler/">x</a>',
        "om-med/index.html": '<a href="../om-med.md#roller">as another engine may leave it</a> <img src="logo.png">',
    })
    assert broken(site) == [
        "index.html: link 'mangler/' → no such file",
        "om-med/index.html: link '../om-med.md#roller' → no such file",
        "om-med/index.html: link 'logo.png' → no such file",
    ]


def test_a_fragment_must_name_an_element_in_the_target_page(tmp_path):
    site = write_site(tmp_path, {
        "index.html": '<h2 id="her">x</h2><a href="#her">ok</a> <a href="#der">x</a> '
                      '<a href="side/#navn">ok</a> <a href="side/?q=1#hist">x</a>',
        "side/index.html": '<a name="navn"></a><p id="Hist">case matters</p>',
    })
    assert broken(site) == [
        "index.html: link '#der' → no element with id 'der' in index.html",
        "index.html: link 'side/?q=1#hist' → no element with id 'hist' in side/index.html",
    ]
    assert check_site(site).anchors == 4


def test_percent_encoded_pages_and_ids_resolve_decoded(tmp_path):
    site = write_site(tmp_path, {
        "index.html": '<a href="%C3%A6ndre-med-aftalen/#s%C3%A5dan-g%C3%B8r-i">ok</a> '
                      '<a href="ændre-med-aftalen/#sådan-gør-i">ok</a> '
                      '<a href="%C3%A6ndre-med-aftalen/#s%C3%A5dan-g%C3%B8r-vi">x</a> <a href="%C3%B8/">x</a>',
        "ændre-med-aftalen/index.html": '<h2 id="sådan-gør-i">Sådan gør I</h2>',
    })
    assert broken(site) == [
        "index.html: link '%C3%A6ndre-med-aftalen/#s%C3%A5dan-g%C3%B8r-vi' → no element with id 'sådan-gør-vi' in ændre-med-aftalen/index.html",
        "index.html: link '%C3%B8/' → no such file",
    ]


def test_a_directory_url_is_its_index_page(tmp_path):
    site = write_site(tmp_path, {
        "index.html": '<a href=".">ok</a> <a href="./">ok</a> <a href="roller">redirected to roller/</a> '
                      '<a href="roller/#leder">ok</a> <a href="tom/">x</a>',
        "roller/index.html": '<a href="..">ok</a> <a href="../#leder">x</a> <a href="../../">x</a> <span id="leder"></span>',
        "tom/billede.png": "",
    })
    assert broken(site) == [
        "index.html: link 'tom/' → no such file",
        "roller/index.html: link '../#leder' → no element with id 'leder' in index.html",
        "roller/index.html: link '../../' → above the site's root",
    ]


def test_absolute_links_resolve_under_the_base_path_of_the_sitemap(tmp_path):
    site = write_site(tmp_path, {
        "index.html": '<a href="/med-guiden/">ok</a> <a href="/med-guiden/om/#a">ok</a> <a href="/med-guiden/ud/">x</a> '
                      '<a href="/om/">x</a> <a href="/med-guidenx/">x</a>',
        "om/index.html": '<b id="a"></b>',
    })
    assert broken(site) == [
        "index.html: link '/med-guiden/ud/' → no such file",
        "index.html: link '/om/' → outside the site's base path /med-guiden/",
        "index.html: link '/med-guidenx/' → outside the site's base path /med-guiden/",
    ]
    # --base-path overrides the sitemap's; a site without a sitemap is served at the root.
    assert "index.html: link '/om/' → outside the site's base path /med-guiden/" not in broken(site, base_path="/")
    assert broken(write_site(tmp_path / "root", {"index.html": '<a href="/">ok</a> <a href="/x/">x</a>'}, site_url=None)) == [
        "index.html: link '/x/' → no such file",
    ]


def test_full_urls_on_the_sites_own_address_are_checked(tmp_path):
    site = write_site(tmp_path, {
        "index.html": f'<link rel="canonical" href="{SITE_URL}"> <a href="https://example.org/med-guiden#x">x</a> '
                      f'<a href="{SITE_URL}mangler/">x</a> '
                      '<a href="webcal://example.org/med-guiden/kalender.ics">ok</a> '
                      '<a href="webcal://example.org/med-guiden/k.ics">x</a> <a href="//example.org/med-guiden/#x">x</a>',
        "kalender.ics": "BEGIN:VCALENDAR",
    })
    assert broken(site) == [
        "index.html: link 'https://example.org/med-guiden#x' → no element with id 'x' in index.html",
        f"index.html: link '{SITE_URL}mangler/' → no such file",
        "index.html: link 'webcal://example.org/med-guiden/k.ics' → no such file",
        "index.html: link '//example.org/med-guiden/#x' → no element with id 'x' in index.html",
    ]


def test_external_links_are_not_checked(tmp_path):
    site = write_site(tmp_path, {
        "index.html": '<a href="https://medsamarbejdet.dk/x/">x</a> <a href="mailto:a@b.dk">x</a> <a href="tel:+4512345678">x</a> '
                      '<img src="data:image/png;base64,AAAA"> <a href="https://example.org/andet-site/">x</a> '
                      '<a href="//cdn.example.net/x.js">x</a>',
    })
    report = check_site(site)
    assert (report.broken, report.external, report.links) == ([], 6, 0)


def test_every_candidate_of_a_srcset_and_svg_references_are_checked(tmp_path):
    site = write_site(tmp_path, {
        "index.html": '<img src="a.png" srcset="a.png 1x, b.png 2x"> <picture><source srcset="c.png"></picture> '
                      '<svg><symbol id="pil"></symbol><use href="#pil"/><use xlink:href="#pile"/>'
                      '<use href="ikoner.svg#pil"></use><image href="d.png"/></svg>',
        "a.png": "", "ikoner.svg": "<svg/>",
    })
    assert broken(site) == [
        "index.html: link 'b.png' → no such file",
        "index.html: link 'c.png' → no such file",
        "index.html: link '#pile' → no element with id 'pile' in index.html",
        "index.html: link 'd.png' → no such file",
    ]


def test_srcset_candidates_split_as_html_splits_them():
    assert srcset_urls(" a.png 1x,b.png 2x ,  c,d.png 480w") == ["a.png", "b.png", "c,d.png"]
    assert srcset_urls("data:image/png;base64,AA== 1x, e.png, f.png") == ["data:image/png;base64,AA==", "e.png", "f.png"]


def test_only_the_top_of_the_page_needs_no_element(tmp_path):
    site = write_site(tmp_path, {
        "index.html": '<input id="__search"> <a href="#">ok</a> <a href="#top">ok</a> <a href="#__search">ok</a> '
                      '<a href="#__skip">x</a> <a href="side.pdf#page=2">not HTML</a>',
        "side.pdf": "",
    })
    assert broken(site) == ["index.html: link '#__skip' → no element with id '__skip' in index.html"]


def test_the_404_page_can_only_use_absolute_links(tmp_path):
    site = write_site(tmp_path, {
        "index.html": "",
        "404.html": '<a href="/med-guiden/">ok</a> <a href="#indhold">ok</a> <a href="./">x</a> <p id="indhold"></p>',
    })
    assert broken(site) == ["404.html: link './' → relative, but the 404 page is served at whatever address was not found"]


def test_offline_links_name_their_files(tmp_path):
    site = write_site(tmp_path, {
        "index.html": f'<link rel="canonical" href="{SITE_URL}index.html"> <a href="om/index.html#a">ok</a> '
                      '<a href="om/">x</a> <a href="/med-guiden/om/index.html">x</a>',
        "om/index.html": '<a href="../index.html">ok</a> <b id="a"></b>',
        "404.html": '<a href="/med-guiden/">never shown from disk</a>',
    })
    assert broken(site, offline=True) == [
        "index.html: link 'om/' → a directory, which file:// does not open as its index.html",
        "index.html: link '/med-guiden/om/index.html' → an absolute path, which file:// reads from the root of the disk",
    ]
    assert broken(site) == []


def test_a_broken_link_is_reported_once_per_page(tmp_path):
    site = write_site(tmp_path, {
        "index.html": '<a href="x/">1</a> <a href="x/">2</a>',
        "a/index.html": '<a href="../x/">1</a> <a href="../x/">2</a>',
    })
    assert broken(site) == ["a/index.html: link '../x/' → no such file", "index.html: link 'x/' → no such file"]


def test_a_base_element_is_reported_not_modelled(tmp_path):
    site = write_site(tmp_path, {"index.html": '<base href="/andet/"><a href="om/">x</a>', "om/index.html": ""})
    assert broken(site) == [
        "index.html: link '<base href>' → relative links would resolve against it, which this check does not model",
    ]


def test_the_command_prints_each_broken_link_and_fails(tmp_path, capsys):
    site = write_site(tmp_path, {"index.html": '<a href="om/">ok</a> <a href="#x">x</a>', "om/index.html": ""})
    assert main([str(site)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "index.html: link '#x' → no element with id 'x' in index.html"
    assert out[1].startswith("1 broken internal links in 1 of 2 pages")
    (site / "index.html").write_text('<a href="om/">ok</a> <p id="x"></p> <a href="#x">ok</a>', encoding="utf-8")
    assert main([str(site)]) == 0
    assert capsys.readouterr().out.startswith("2 pages: 2 internal links and 1 anchors resolve (0 external links not checked)")


def test_the_guide_has_no_broken_internal_link(built_site):
    report = check_site(built_site.directory)
    assert report.broken == []
    assert report.pages > 50 and report.links > 1000 and report.anchors > 100


def test_the_albertslund_edition_has_no_broken_internal_link(albertslund_site):
    report = check_site(albertslund_site)
    assert report.broken == []
    assert report.pages > 50 and report.anchors > 100
