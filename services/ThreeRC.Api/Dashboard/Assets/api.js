// The Api's JSON API (gRPC JSON transcoding of the services the CLI calls), and how the pages show its values.

const keyName = "threerc-api-key";

export const operatorKey = {
  get: () => sessionStorage.getItem(keyName) ?? "",
  set: (key) => sessionStorage.setItem(keyName, key),
  clear: () => sessionStorage.removeItem(keyName),
};

function headers(json) {
  const result = json ? { "Content-Type": "application/json" } : {};
  const key = operatorKey.get();
  if (key) result["x-api-key"] = key;
  return result;
}

async function answer(response) {
  if (response.ok) return response.json();
  let message = `${response.status} ${response.statusText}`;
  try {
    message = (await response.json()).message ?? message;
  } catch {
    // Not a gRPC status: keep the HTTP one.
  }
  throw new Error(message);
}

export async function get(path) {
  return answer(await fetch(path, { headers: headers(false) }));
}

export async function post(path, body) {
  return answer(await fetch(path, { method: "POST", headers: headers(true), body: JSON.stringify(body) }));
}

// Calls onEvent with every event the Api receives from now on (WatchEvents, one JSON object per line), and
// onStatus with "live" or the reason it is not; reconnects after a second when the stream ends.
export function watch(onEvent, onStatus) {
  const run = async () => {
    try {
      const response = await fetch("/v1/events:watch", { headers: headers(false) });
      if (!response.ok) throw new Error((await answer(response).catch((e) => e)).message);
      onStatus("live");
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = "";
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        const lines = buffer.split("\n");
        buffer = lines.pop();
        for (const line of lines) if (line.trim()) onEvent(JSON.parse(line));
      }
      onStatus("the event stream ended; reconnecting");
    } catch (error) {
      onStatus(`no event stream (${error.message}); reconnecting`);
    }
    setTimeout(run, 1000);
  };
  run();
}

// "VM_STATE_RECOVERING" -> "recovering", "RECOVERY_STEP_KIND_AWAITING_CAPACITY" -> "awaiting capacity".
export function label(value, prefix) {
  if (!value) return "";
  return value.replace(prefix, "").toLowerCase().replaceAll("_", " ");
}

export function seconds(duration) {
  return duration ? parseFloat(duration) : null;
}

export function formatSeconds(value) {
  if (value === null || value === undefined || Number.isNaN(value)) return "";
  if (value < 60) return `${value.toFixed(value < 10 ? 1 : 0)} s`;
  if (value < 3600) return `${Math.floor(value / 60)} min ${Math.round(value % 60)} s`;
  if (value < 86400) return `${Math.floor(value / 3600)} h ${Math.round((value % 3600) / 60)} min`;
  return `${Math.floor(value / 86400)} d ${Math.round((value % 86400) / 3600)} h`;
}

export function since(timestamp) {
  return timestamp ? formatSeconds(Math.max(0, (Date.now() - Date.parse(timestamp)) / 1000)) : "";
}

export function time(timestamp) {
  return timestamp ? new Date(timestamp).toLocaleString() : "";
}

export function between(start, end) {
  return start && end ? formatSeconds((Date.parse(end) - Date.parse(start)) / 1000) : "";
}

// Builds an element: el("td", { class: "state" }, "up", child...). Text is always text, never HTML.
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith("on")) element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? "" : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

// Sequential ids share their first digits: the last ones tell incidents apart.
export function incidentLink(id, text) {
  return el("a", { href: `/incidents/${encodeURIComponent(id)}` }, text ?? `incident …${id.slice(-8)}`);
}

// What the VM's users saw: from its last heartbeat (the detection when unknown) to the end of a recovered incident.
export function downFor(recovery) {
  return recovery.state === "RECOVERY_STATE_RECOVERED" ? between(recovery.lastHeardAt || recovery.startedAt, recovery.completedAt) : "";
}
