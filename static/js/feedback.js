// The feedback request's greeting follows the person chosen to ask, as long as the greeting
// line is still the one drafted for the person chosen before (an edited greeting stays).
// The server does the same on save (coping.drafts.greeting_follows), so this only keeps
// the page honest before saving.
(() => {
  const data = document.getElementById("feedback-greetings");
  const select = document.getElementById("id_contact");
  const body = document.getElementById("id_body");
  if (!data || !select || !body) return;
  const greetings = JSON.parse(data.textContent);
  const greet = (value) => greetings[value] || greetings[""];
  let before = select.value;
  select.addEventListener("change", () => {
    const [head, ...rest] = body.value.split("\n");
    if (head.trim() === greet(before)) {
      body.value = [greet(select.value), ...rest].join("\n");
    }
    before = select.value;
  });
})();
