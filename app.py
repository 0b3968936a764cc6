"""praxisgraph — Streamlit entry point: page router and frame only."""

from pathlib import Path

import streamlit as st

# a local icon: emoji and material page icons are fetched from a CDN by the browser
ICON = str(Path(__file__).parent / "app_pages" / "static" / "favicon.png")
st.set_page_config(page_title="praxisgraph", page_icon=ICON, layout="wide")

pages = {
    "Find": [
        st.Page("app_pages/search.py", title="Search", icon=":material/search:", default=True),
    ],
    "Explore": [
        st.Page("app_pages/network.py", title="Network", icon=":material/hub:", url_path="network"),
    ],
    "Records": [
        st.Page(
            "app_pages/project.py",
            title="Project",
            icon=":material/description:",
            url_path="project",
        ),
        st.Page(
            "app_pages/organisation.py",
            title="Organisation",
            icon=":material/account_balance:",
            url_path="organisation",
        ),
    ],
}
st.navigation(pages).run()
