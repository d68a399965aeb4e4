// Which of Bootstrap's rules Rebound keeps: those whose selectors name a class, id or element
// found in what renders our pages. Run with `make css` (from the repository's root).
const site = "../../.venv/lib/python3.11/site-packages";
module.exports = {
  css: ["../../static/vendor/bootstrap/bootstrap.min.css"],
  content: [
    "../../templates/**/*.html",
    // Each app keeps its own pages in <app>/templates/.
    "../../*/templates/**/*.html",
    "../../static/js/*.js",
    // HTML built in Python (board cards, table rows, select options) and widget classes.
    "../../*/templatetags/*.py",
    "../../*/forms.py",
    "../../rebound/*.py",
    // crispy-forms' Bootstrap 5 templates render every form field.
    `${site}/crispy_bootstrap5/templates/**/*.html`,
    // Bootstrap's own JavaScript adds state classes (show, collapsing, fade...).
    "../../static/vendor/bootstrap/bootstrap.bundle.min.js",
  ],
  safelist: {
    // Built from a variable: alert-{{ message.tags }} (success, info, warning, danger).
    standard: [/^alert-/],
    // Bootstrap's custom properties and the rules of :root, html, body stay.
    variables: [/^--bs-/],
  },
  variables: false,
  fontFace: false,
  keyframes: true,
};
