"""praxisgraph — Streamlit entry point: page router and frame only.

Page icons are left out on purpose: emoji and Material icons make the browser fetch fonts
or images from a CDN, and the app must never reach the internet. The favicon is local.
"""

from pathlib import Path

import streamlit as st

from app_pages.common import store_problem, warm_up

ICON = str(Path(__file__).parent / "app_pages" / "static" / "favicon.png")
st.set_page_config(page_title="praxisgraph", page_icon=ICON, layout="wide")

# the default page is served at "/" (a url_path on it would be ignored)
pages = {
    "Find": [
        st.Page("app_pages/search.py", title="Search", default=True),
        st.Page("app_pages/precedents.py", title="Precedents", url_path="precedents"),
    ],
    "Explore": [
        st.Page("app_pages/network.py", title="Network", url_path="network"),
        st.Page("app_pages/gaps.py", title="Missing stakeholders", url_path="gaps"),
    ],
    "Records": [
        st.Page("app_pages/project.py", title="Project", url_path="project"),
        st.Page("app_pages/organisation.py", title="Organisation", url_path="organisation"),
    ],
    "Data": [
        st.Page("app_pages/data.py", title="Add data & downloads", url_path="data"),
        st.Page("app_pages/sparql.py", title="SPARQL", url_path="sparql"),
    ],
}
st.markdown(
    "<style>mark { background: #ffe58a; padding: 0 2px; } "
    ".evidence { margin: 2px 0 8px 12px; color: #444; font-size: 0.92em; } "
    ".fulltext { max-height: 420px; overflow-y: auto; font-size: 0.9em; } "
    ".summary { margin-bottom: 1.2rem; padding: 0.6rem 0.8rem; background: #f7f7f5; "
    "border-radius: 0.4rem; font-size: 0.95em; } "
    ".badge { display: inline-block; padding: 0 0.45em; border-radius: 0.6em; "
    "font-size: 0.8em; font-weight: 600; background: #e3f1e3; color: #1d5e20; } "
    ".badge.success-story { background: #e4ecfa; color: #1f3f7a; }</style>",
    unsafe_allow_html=True,
)
problem = store_problem()  # a store written by an older version: say how to upgrade it
if problem:
    st.error(problem)
    st.stop()
warm_up()  # slow caches fill in the background, once per server
st.navigation(pages).run()
