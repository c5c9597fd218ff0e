// Small behaviours for the portal; no inline scripts (Content-Security-Policy).
document.addEventListener("click", (event) => {
  if (event.target.closest("[data-print]")) {
    window.print();
  }
});

// Filters stand beside the results on wide screens and are always open there; on small screens
// they start closed, so the results come first. netzpol.css opens them where the browser can
// style a details element's content; this opens them elsewhere.
const wideScreen = window.matchMedia("(min-width: 992px)");
function openFiltersOnWideScreens() {
  if (wideScreen.matches) {
    for (const panel of document.querySelectorAll("[data-filter-panel]")) {
      panel.open = true;
    }
  }
}
openFiltersOnWideScreens();
wideScreen.addEventListener("change", openFiltersOnWideScreens);
