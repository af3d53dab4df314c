// Accessibility fixes to elements that Material for MkDocs' script creates or that a template
// override could only fix by copying a whole partial. tests/test_browser.py checks every page.
document$.subscribe(() => {
  // aria-dialog-name: the search overlay has role="dialog" but no name.
  document.querySelector(".md-search")?.setAttribute("aria-label", "Search");
  // landmark-unique: each code block's copy button sits in an unnamed <nav>, so a page has many
  // identical navigation landmarks. A button bar is not a navigation region.
  for (const buttons of document.querySelectorAll(".md-code__nav")) {
    buttons.setAttribute("role", "none");
  }
});
