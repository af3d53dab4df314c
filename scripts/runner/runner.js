// Run, Edit and Reset buttons under every example block (CONTRIBUTING.md, "Run it where you
// read it"). Loaded as a module, so it never blocks rendering; nothing of the runtime loads
// before the first Run, which starts worker.js. Blocks the browser can't run as a terminal
// would carry data-norun="reason" (scripts/gen_runtime.py) and get no buttons.
const LIMIT = 10; // seconds, as long as the suite lets an example run (tests/checker/claims.py)
// Seconds for Python to start: downloading about 13 MB, then booting. A download that fails can
// leave Pyodide waiting forever; past this, the worker is dropped and the next Run tries again.
const BOOT_LIMIT = 120;
const KINDS = /\blanguage-(python|py|pycon|console)\b/;
// Booted on the first Run; kept as instant navigation swaps in other pages; replaced after a Stop.
let worker = null;
let queue = Promise.resolve(); // one run at a time, in the order of the clicks
let current = null; // the run the worker is busy with

let bars = 0; // Run bars set up in this document, for their ids

// A block's first command (a session's `$ `, a transcript's `>>> `) or first line of code.
function firstLine(kind, text) {
  const lines = text.split("\n").filter((line) => line.trim());
  const prompt = { console: "$ ", pycon: ">>> " }[kind];
  return (prompt ? lines.find((line) => line.startsWith(prompt))?.slice(prompt.length) : lines[0]) ?? "";
}

// The heading of the section a block is in (the toc extension's permalink left out).
function section(block) {
  const above = [...document.querySelectorAll(".md-content h2, .md-content h3")].filter(
    (heading) => heading.compareDocumentPosition(block) & Node.DOCUMENT_POSITION_FOLLOWING,
  );
  const heading = above.at(-1)?.cloneNode(true);
  heading?.querySelectorAll(".headerlink").forEach((link) => link.remove());
  return heading?.textContent.trim();
}

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

// What a terminal shows: a session's or transcript's prompts, then each command's output. An
// edit that prints 100,000 lines would make the page as long, and the live region read them all
// out: a stream shows its first SHOWN_LINES lines (stderr its last: a traceback ends with the
// error), each at most SHOWN_CHARS long, and says how many it leaves out.
const SHOWN_LINES = 500;
const SHOWN_CHARS = 1000;
function render(kind, work, result, out) {
  out.replaceChildren();
  const samp = (text, stream) =>
    text && out.append(Object.assign(document.createElement("samp"), { textContent: text, className: `runner__${stream}` }));
  const add = (text, stream) => {
    const lines = text.split(/(?<=\n)/).map((line) => {
      const body = line.replace(/\n$/, "");
      return body.length > SHOWN_CHARS ? `${body.slice(0, SHOWN_CHARS)} … (${body.length - SHOWN_CHARS} more characters)\n` : line;
    });
    const more = lines.length - SHOWN_LINES;
    const note = `… ${more} more lines, not shown here\n`;
    if (more <= 0) {
      samp(lines.join(""), stream);
    } else if (stream === "stderr") {
      samp(note, "note");
      samp(lines.slice(-SHOWN_LINES).join(""), stream);
    } else {
      samp(lines.slice(0, SHOWN_LINES).join(""), stream);
      samp(note, "note");
    }
  };
  result.forEach(([stdout, stderr], n) => {
    if (kind === "console") add(`$ python ${work.commands[n].join(" ")}\n`, "prompt");
    if (kind === "pycon") add(">>> " + work.commands[n].trimEnd().replaceAll("\n", "\n... ") + "\n", "prompt");
    add(stdout, "stdout");
    add(stderr ?? "", "stderr");
  });
}

// A worker ends, and the next run boots a new one.
function drop(busy) {
  busy.terminate();
  if (worker === busy) worker = null;
}

// Runs `work` in the worker for `run` (a block's pending run): resolves with the result; rejects
// when the run is stopped (its stop(), called by Stop, Reset, a page change or a time limit),
// which ends the worker: the next run boots a fresh one.
function execute(work, status, run) {
  return new Promise((resolve, reject) => {
    worker ??= new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
    const busy = worker;
    let timer;
    const limit = (seconds, why) => {
      clearTimeout(timer);
      timer = setTimeout(() => run.stop(why), seconds * 1000);
    };
    run.stop = (why) => {
      drop(busy);
      clearTimeout(timer);
      current = null;
      reject(new Error(why));
    };
    // The time limit counts from "Running…": a booted worker's reply that it started the
    // example may come later (a busy machine), and changes nothing.
    const running = () => {
      status("Running…");
      limit(LIMIT, `Stopped after ${LIMIT} s: the example did not finish.`);
    };
    busy.onmessage = ({ data }) => {
      if (data.started) {
        if (!busy.booted) running();
        busy.booted = true;
      } else if (!busy.booted) { // its Python failed to start (worker.js): a new worker may
        run.stop(`${data.error} Run again to retry.`);
      } else {
        clearTimeout(timer);
        current = run.stop = null;
        data.error ? reject(new Error(data.error)) : resolve(data.result);
      }
    };
    busy.onerror = (event) => {
      const why = event.message || "The runtime failed to load.";
      current === run ? run.stop(`${why} Run again to retry.`) : drop(busy); // after its run
    };
    current = run;
    if (busy.booted) {
      running();
    } else {
      status("Starting Python…");
      limit(BOOT_LIMIT, `Python did not start within ${BOOT_LIMIT} s. Run again to retry.`);
    }
    busy.postMessage(work);
  });
}

function setUp(block, kind) {
  const code = block.querySelector("pre > code");
  const original = code.innerHTML;
  const bar = Object.assign(document.createElement("div"), { className: "runner" });
  const out = Object.assign(document.createElement("pre"), { className: "runner__output", tabIndex: -1 });
  const live = Object.assign(document.createElement("div"), { className: "runner__live" });
  live.setAttribute("aria-live", "polite");
  live.append(out);
  let pending = null; // this block's run, from its Run until it ends or is stopped
  const status = (text) => { bar.dataset.state = "running"; out.replaceChildren(text); };
  // The run is over. If Stop had the keyboard focus, it goes back to Run after a Stop, or to the
  // output after a run that ended by itself (an Enter meant for Stop must not run it again).
  const settle = (stopped) => {
    pending = null;
    if (stopButton.contains(document.activeElement)) (stopped ? run : out).focus();
    stopButton.hidden = true;
  };
  // Stop, Reset: the running example is stopped (its worker ends); one still waiting never runs.
  // Reset's is quiet: the output it cleared stays empty.
  const cancel = (quiet) => {
    const stopped = pending;
    settle(true);
    Object.assign(stopped, { cancelled: true, quiet });
    stopped.stop?.("Stopped.");
  };
  const run = button("Run", () => {
    if (pending) return; // already running or waiting: one run of a block at a time
    const mine = (pending = { bar, cancelled: false, stop: null });
    stopButton.hidden = false;
    const text = shownCode(code).replace(/\n$/, "");
    const work = job(kind, text, block);
    if (current) status("Waiting for the example that is running…");
    queue = queue
      .then(() => (mine.cancelled || !bar.isConnected ? null : execute(work, status, mine)))
      .then(
        (result) => {
          if (!result) return; // skipped: stopped while waiting, or its page left
          render(kind, work, result, out);
          bar.dataset.state = "done";
        },
        (error) => {
          if (mine.quiet) return;
          out.replaceChildren(error.message);
          bar.dataset.state = "stopped";
        },
      )
      .finally(() => pending === mine && settle(false));
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
    if (pending) cancel(true);
    code.removeAttribute("contenteditable");
    ["role", "aria-multiline", "aria-label"].forEach((name) => code.removeAttribute(name));
    code.innerHTML = original;
    out.replaceChildren();
    delete bar.dataset.state;
  });
  const stopButton = button("Stop", () => {
    const stopped = pending;
    cancel(false);
    if (!stopped.stop) { // it was still waiting: say so at once
      out.replaceChildren("Stopped.");
      bar.dataset.state = "stopped";
    }
  });
  stopButton.hidden = true;
  const buttons = [run, ...(kind === "python" || kind === "py" ? [edit, reset] : []), stopButton];
  // Which example the buttons are for, as a screen reader's list of buttons gives them (a page has
  // a dozen "Run"s): the block's title, else its first command or line, its folder, its section.
  const described = () => {
    const folder = block.dataset.cwd ? `, in ${block.dataset.cwd.split("/").at(-1)}/` : "";
    const heading = section(block);
    return firstLine(kind, shownCode(code)) + folder + (heading ? ` (${heading})` : "");
  };
  const about = Object.assign(document.createElement("span"), {
    id: `runner-about-${++bars}`,
    hidden: true,
    textContent: block.querySelector(".filename")?.textContent.trim() || described(),
  });
  buttons.forEach((each) => each.setAttribute("aria-describedby", about.id));
  bar.append(...buttons, live, about);
  block.after(bar);
}

document$.subscribe(() => {
  // A page swapped in by instant navigation: an example of the page left behind stops, so that
  // this page's runs don't wait for it (its output has nowhere to go).
  if (current && !current.bar.isConnected) current.stop("Left the page.");
  for (const block of document.querySelectorAll(".md-content .highlight:has(pre > code)")) {
    const kind = block.className.match(KINDS)?.[1];
    if (kind && !block.dataset.norun && !block.nextElementSibling?.matches(".runner")) setUp(block, kind);
  }
});
