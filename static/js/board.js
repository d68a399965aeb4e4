// The board's cards share one move dialog (#move-dialog). Without JavaScript each card's
// "Move" link opens the application's page at its "Move along" form. Drag and drop is a
// shortcut for the same request.
const dialog = document.getElementById("move-dialog");
const form = document.getElementById("move-form");
const select = document.getElementById("move-to");
const choices = JSON.parse(document.getElementById("move-choices").textContent);
let current = null; // the card the dialog (or a drop) is moving

function moveUrl(card) {
  return dialog.dataset.url.replace("{pk}", card.dataset.pk);
}

function enhance(root) {
  // With this script a card's "Move" opens a dialog, so it becomes a real button (Space and
  // Enter both open it, as a button's do); without it, the link leads to the move form.
  root.querySelectorAll("a[data-move]").forEach((link) => {
    const button = document.createElement("button");
    button.type = "button";
    button.className = link.className;
    button.dataset.move = "";
    button.setAttribute("aria-haspopup", "dialog");
    button.append(...link.childNodes);
    link.replaceWith(button);
  });
}

function fillChoices(from) {
  const { next, groups } = choices[from];
  select.replaceChildren();
  if (!next) {
    // From an exit nothing is preselected: reopening is a deliberate choice.
    const placeholder = new Option(gettext("Choose…"), "", true, true);
    placeholder.disabled = true;
    select.add(placeholder);
  }
  for (const [label, moves] of groups) {
    const group = document.createElement("optgroup");
    group.label = label;
    for (const [value, text] of moves) group.append(new Option(text, value, false, value === next));
    select.append(group);
  }
}

function send(card, toStatus) {
  current = card;
  htmx.ajax("POST", moveUrl(card), {
    source: document.getElementById("board"), // its ancestors give the CSRF header
    target: "#board",
    swap: "outerHTML",
    values: { to_status: toStatus },
  });
}

document.addEventListener("click", (e) => {
  const link = e.target.closest && e.target.closest("[data-move]");
  if (link) {
    e.preventDefault();
    current = link.closest(".board-card");
    fillChoices(current.dataset.from);
    const role = current.querySelector("a").textContent.trim();
    const company = current.querySelector(".text-body-secondary").textContent.trim();
    dialog.querySelector("[data-move-name]").textContent = interpolate(
      gettext("%(role)s at %(company)s"), { role, company }, true
    );
    dialog.showModal();
    select.focus();
    return;
  }
  if (e.target.closest && e.target.closest("[data-close]")) {
    dialog.close();
  }
});

dialog.addEventListener("close", () => {
  // Cancel (or Escape) returns to the card's own button.
  if (dialog.returnValue !== "moved" && current) current.querySelector("[data-move]").focus();
});

form.addEventListener("submit", (e) => {
  e.preventDefault();
  if (!select.value) return;
  dialog.returnValue = "moved";
  dialog.close();
  send(current, select.value);
});

document.addEventListener("htmx:afterSwap", (e) => {
  if (e.detail.target.id !== "board") return;
  const board = document.getElementById("board");
  enhance(board);
  // The result is read out by the persistent live region (an error is its own alert), and
  // focus goes back to the moved card's button in its new column, or to the card that
  // could not move.
  const note = board.querySelector("[data-announce]");
  document.getElementById("board-status").textContent = note ? note.content.textContent.trim() : "";
  const pk = board.dataset.moved || (current && current.dataset.pk);
  const button = pk && document.querySelector(`#card-${pk} [data-move]`);
  if (button) button.focus();
});

enhance(document); // deferred: the board is already parsed

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
  // A move the pipeline doesn't allow from here is still sent: the server explains why.
  if (card && card.dataset.from !== col.dataset.status) send(card, col.dataset.status);
});
