// Run, Edit and Reset buttons under every example block (CONTRIBUTING.md, "Run it where you
// read it"). Loaded as a module, so it never blocks rendering; nothing of the runtime loads
// before the first Run, which starts worker.js. Blocks the browser can't run as a terminal
// would carry data-norun="reason" (scripts/gen_runtime.py) and get no buttons.
const LIMIT = 10; // seconds, as long as the suite lets an example run (tests/checker/claims.py)
const KINDS = /\blanguage-(python|py|pycon|console)\b/;
// Booted on the first Run; kept as instant navigation swaps in other pages; replaced after a Stop.
let worker = null;
let queue = Promise.resolve(); // one run at a time
let stop = null; // ends the current run

const button = (text, onclick) =>
  Object.assign(document.createElement("button"), { type: "button", textContent: text, onclick });

// What the block shows, as the copy button copies it: without annotation markers.
function shownCode(code) {
  const copy = code.cloneNode(true);
  copy.querySelectorAll(".md-annotation").forEach((marker) => marker.remove());
  return copy.textContent;
}

// The work for the worker: files to add to the folder, and the commands (argv lists, or the
// REPL's examples) to run in it.
function job(kind, text, block) {
  if (kind === "pycon") {
    const sources = [];
    for (const line of text.split("\n")) {
      if (line.startsWith(">>> ")) sources.push(line.slice(4));
      else if (line.startsWith("... ") || line === "...") sources[sources.length - 1] += "\n" + line.slice(4);
    }
    return { repl: true, cwd: block.dataset.cwd, commands: sources.map((s) => s + "\n") };
  }
  if (kind === "console") {
    const commands = text.split("\n").filter((l) => l.startsWith("$ ")).map((l) => l.slice(2).split(" ").slice(1));
    return { cwd: block.dataset.cwd, commands };
  }
  const title = block.querySelector(".filename")?.textContent.trim() ?? "";
  const script = /^[\w-]+\.py$/.test(title) ? title : "example.py";
  return { files: { [script]: text }, commands: [[script]] };
}

// What a terminal shows: a session's or transcript's prompts, then each command's output.
function render(kind, work, result, out) {
  out.replaceChildren();
  const add = (text, stream) =>
    text && out.append(Object.assign(document.createElement("samp"), { textContent: text, className: `runner__${stream}` }));
  result.forEach(([stdout, stderr], n) => {
    if (kind === "console") add(`$ python ${work.commands[n].join(" ")}\n`, "prompt");
    if (kind === "pycon") add(">>> " + work.commands[n].trimEnd().replaceAll("\n", "\n... ") + "\n", "prompt");
    add(stdout, "stdout");
    add(stderr ?? "", "stderr");
  });
}

function execute(work, status) {
  return new Promise((resolve, reject) => {
    worker ??= new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
    const current = worker;
    let timer;
    stop = (why) => {
      current.terminate(); // the next Run boots a fresh worker
      if (worker === current) worker = null;
      clearTimeout(timer);
      reject(new Error(why));
    };
    current.onmessage = ({ data }) => {
      if (data.started) {
        status("Running…");
        timer = setTimeout(() => stop(`Stopped after ${LIMIT} s: the example did not finish.`), LIMIT * 1000);
      } else {
        clearTimeout(timer);
        data.error ? reject(new Error(data.error)) : resolve(data.result);
      }
    };
    current.onerror = (event) => reject(new Error(event.message || "The runtime failed to load."));
    status(current.booted ? "Running…" : "Starting Python…");
    current.booted = true;
    current.postMessage(work);
  });
}

function setUp(block, kind) {
  const code = block.querySelector("pre > code");
  const original = code.innerHTML;
  const bar = Object.assign(document.createElement("div"), { className: "runner" });
  const out = Object.assign(document.createElement("pre"), { className: "runner__output" });
  const live = Object.assign(document.createElement("div"), { className: "runner__live" });
  live.setAttribute("aria-live", "polite");
  live.append(out);
  const status = (text) => { bar.dataset.state = "running"; out.replaceChildren(text); };
  const run = button("Run", () => {
    stopButton.hidden = false;
    const text = shownCode(code).replace(/\n$/, "");
    const work = job(kind, text, block);
    queue = queue.then(() => execute(work, status)).then(
      (result) => { render(kind, work, result, out); bar.dataset.state = "done"; },
      (error) => { out.replaceChildren(error.message); bar.dataset.state = "stopped"; },
    ).finally(() => { stopButton.hidden = true; });
  });
  const edit = button("Edit", () => {
    code.contentEditable = "plaintext-only";
    code.spellcheck = false;
    code.setAttribute("role", "textbox");
    code.setAttribute("aria-multiline", "true");
    code.setAttribute("aria-label", "The example's code, editable");
    code.focus();
  });
  const reset = button("Reset", () => {
    code.removeAttribute("contenteditable");
    ["role", "aria-multiline", "aria-label"].forEach((name) => code.removeAttribute(name));
    code.innerHTML = original;
    out.replaceChildren();
    delete bar.dataset.state;
  });
  const stopButton = button("Stop", () => stop?.("Stopped."));
  stopButton.hidden = true;
  bar.append(run, ...(kind === "python" || kind === "py" ? [edit, reset] : []), stopButton, live);
  block.after(bar);
}

document$.subscribe(() => {
  for (const block of document.querySelectorAll(".md-content .highlight:has(pre > code)")) {
    const kind = block.className.match(KINDS)?.[1];
    if (kind && !block.dataset.norun && !block.nextElementSibling?.matches(".runner")) setUp(block, kind);
  }
});
