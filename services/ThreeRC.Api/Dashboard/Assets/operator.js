// The operator's key and name (kept for this browser session only, never in a URL), and the actions they allow.
import { el, operatorKey, post } from "./api.js";

const nameKey = "threerc-operator";
const operatorName = () => sessionStorage.getItem(nameKey) ?? "";

// Fills the page's operator panel: the key form, or who is signed in with a button to forget the key.
export function operatorPanel(panel, onChange) {
  const render = () => {
    panel.replaceChildren();
    if (operatorKey.get()) {
      panel.append(
        el("span", {}, `Operator actions as ${operatorName()}.`),
        el("button", { type: "button", onclick: () => { operatorKey.clear(); render(); onChange(); } }, "Forget the key"));
      return;
    }
    const key = el("input", { id: "operator-key", type: "password", autocomplete: "off", required: true });
    const name = el("input", { id: "operator-name", autocomplete: "username", required: true, pattern: "[a-z_][a-z0-9._\\-]{0,31}", value: operatorName() });
    panel.append(el("form", {
      class: "operator-form",
      onsubmit: (event) => {
        event.preventDefault();
        sessionStorage.setItem(nameKey, name.value);
        operatorKey.set(key.value);
        render();
        onChange();
      },
    },
    el("span", {}, "Read-only. Operator actions need the API key:"),
    el("label", { for: "operator-name" }, "Your login name"), name,
    el("label", { for: "operator-key" }, "API key"), key,
    el("button", { type: "submit" }, "Use the key")));
  };
  render();
}

// Asks for the reason of an action, runs it, and says in the status line what came of it.
export function act(title, path, body, status, done) {
  const reason = el("input", { id: "action-reason", required: true, maxlength: 500, autocomplete: "off" });
  const dialog = el("dialog", { "aria-labelledby": "action-title" },
    el("form", { method: "dialog" },
      el("h2", { id: "action-title" }, title),
      el("label", { for: "action-reason" }, "Why (kept with the action)"), reason,
      el("div", { class: "buttons" },
        el("button", { value: "cancel", formnovalidate: true }, "Cancel"),
        el("button", { value: "confirm", class: "primary" }, "Confirm"))));
  dialog.addEventListener("close", async () => {
    dialog.remove();
    if (dialog.returnValue !== "confirm") return;
    try {
      const action = await post(path, { ...body, reason: reason.value, requestedBy: operatorName() });
      status(`Done: ${action.action} on ${action.target} (action ${action.id}).`, false);
      done?.();
    } catch (error) {
      status(`Refused: ${error.message}`, true);
    }
  });
  document.body.append(dialog);
  dialog.showModal();
}

// The status line under the header, read out by screen readers when it changes.
export function statusLine(element) {
  return (text, isError) => {
    element.textContent = text;
    element.classList.toggle("error", Boolean(isError));
  };
}
