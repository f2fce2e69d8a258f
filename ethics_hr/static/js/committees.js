// The appointment-order form: suggest people for member rows, and the next free order number for the year.
(() => {
  const form = document.querySelector("[data-order-form]");
  if (!form) return;

  const list = document.getElementById("people-list");
  let timer = null;
  let lastQuery = "";
  form.addEventListener("input", (event) => {
    const input = event.target.closest("[data-person-picker]");
    if (!input || !list) return;
    const query = input.value.trim();
    if (query.length < 2 || query === lastQuery || query.includes("·")) return;
    clearTimeout(timer);
    timer = setTimeout(async () => {
      lastQuery = query;
      const response = await fetch(`${list.dataset.url}?q=${encodeURIComponent(query)}`, {
        credentials: "same-origin",
      });
      if (!response.ok) return;
      const labels = await response.json();
      list.replaceChildren(...labels.map((label) => new Option(label, label)));
    }, 200);
  });

  const number = form.querySelector("#number");
  const signed = form.querySelector("#signed_on");
  const year = form.querySelector("[data-order-year]");
  if (!number || !signed || !year) return;
  signed.addEventListener("change", async () => {
    if (!signed.value) return;
    const url = `${form.dataset.nextNumberUrl}?signed_on=${encodeURIComponent(signed.value)}`;
    const response = await fetch(url, { credentials: "same-origin" });
    if (!response.ok) return;
    const next = await response.json();
    year.textContent = `/ ${next.year_be}`;
    // Only a number the officer has not typed over follows the year.
    if ("suggested" in number.dataset && number.value === number.dataset.suggested) {
      number.value = next.number;
      number.dataset.suggested = String(next.number);
    }
  });
})();
