// Drag and drop is a shortcut for the card's own "Move to" form, which works without it.
document.addEventListener("dragstart", (e) => {
  const card = e.target.closest && e.target.closest(".board-card");
  if (card) e.dataTransfer.setData("text/plain", card.id);
});
document.addEventListener("dragover", (e) => {
  const col = e.target.closest && e.target.closest(".board-column");
  if (col) { e.preventDefault(); col.classList.add("drag-over"); }
});
document.addEventListener("dragleave", (e) => {
  const col = e.target.closest && e.target.closest(".board-column");
  if (col) col.classList.remove("drag-over");
});
document.addEventListener("drop", (e) => {
  const col = e.target.closest && e.target.closest(".board-column");
  if (!col) return;
  e.preventDefault();
  col.classList.remove("drag-over");
  const card = document.getElementById(e.dataTransfer.getData("text/plain"));
  if (!card) return;
  const form = card.querySelector("form");
  const select = form.querySelector("select[name=to_status]");
  select.value = col.dataset.status;
  if (select.value !== col.dataset.status) {
    // Not a move the pipeline allows from here: let the server explain why.
    const opt = new Option(col.dataset.status, col.dataset.status, true, true);
    select.add(opt);
  }
  form.requestSubmit();
});

// "Move" stays disabled until a status is chosen (without JavaScript, the select's
// `required` keeps an empty choice from being sent).
function syncMoveButtons(root) {
  root.querySelectorAll("select[data-enables]").forEach((select) => {
    const button = document.getElementById(select.dataset.enables);
    if (button) button.disabled = !select.value;
  });
}
document.addEventListener("change", (e) => {
  if (e.target.matches && e.target.matches("select[data-enables]")) syncMoveButtons(document);
});
document.addEventListener("DOMContentLoaded", () => syncMoveButtons(document));
document.addEventListener("htmx:afterSwap", () => syncMoveButtons(document));
