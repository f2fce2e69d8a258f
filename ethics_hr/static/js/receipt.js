// The receipt page: copy the reference and receipt code to the clipboard (no inline script: the CSP forbids it).
document.querySelectorAll("[data-copy]").forEach((button) => {
  if (!navigator.clipboard) {
    return; // stays hidden: the code can still be selected, saved as a file or printed
  }
  button.hidden = false;
  const status = document.querySelector("[data-copy-status]");
  button.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(button.dataset.copy);
      if (status) status.textContent = button.dataset.copied;
    } catch (error) {
      if (status) status.textContent = button.dataset.copyFailed;
    }
  });
});
