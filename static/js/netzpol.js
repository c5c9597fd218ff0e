// Small behaviours for the portal; no inline scripts (Content-Security-Policy).
document.addEventListener("click", (event) => {
  if (event.target.closest("[data-print]")) {
    window.print();
  }
});
