/**
 * Reading a Chromium trace (DevTools protocol `Tracing`, categories `toplevel`, `devtools.timeline`
 * and `disabled-by-default-v8.cpu_profiler`) for the long-task measure: the renderer main thread's
 * tasks, and for each task how much of it was spent in a given script (the content script), from
 * the V8 sampling profiler's stacks. A page's own long-task observer cannot be used for this: the
 * tasks of an extension's content script are not reported to the page.
 */

export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  id?: string;
  cat?: string;
  args?: Record<string, unknown>;
}

export interface Thread {
  pid: number;
  tid: number;
}

export interface TaskShare {
  /** Trace time (µs) the task started. */
  start: number;
  /** The task's duration (ms). */
  ms: number;
  /** Of which sampled in the script (ms; the sampling interval's resolution). */
  scriptMs: number;
}

interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: { url?: string; functionName?: string };
}

interface ProfileChunkData {
  cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] };
  timeDeltas?: number[];
}

const TASK = 'ThreadControllerImpl::RunTask';
const CHECKPOINT = 'BlinkScheduler_PerformMicrotaskCheckpoint';
/** A checkpoint starting this close (µs) to the end of a task is that task's own. */
const FOLLOWS_US = 50;

/** The thread that evaluated the script whose URL contains `urlPart` (the content script's page thread). */
export function threadRunning(events: readonly TraceEvent[], urlPart: string): Thread | null {
  for (const e of events) {
    if (e.name !== 'EvaluateScript' && e.name !== 'FunctionCall') continue;
    const url = (e.args?.data as { url?: string } | undefined)?.url;
    if (typeof url === 'string' && url.includes(urlPart)) return { pid: e.pid, tid: e.tid };
  }
  return null;
}

/**
 * Top-level tasks of one thread (tasks nested in another task are part of it). The microtask
 * checkpoint Blink runs right after a task is traced as an event of its own; it is part of the
 * task it follows (the page cannot run anything in between), so the two are one block here.
 */
export function tasksOf(events: readonly TraceEvent[], thread: Thread): { start: number; end: number }[] {
  const all = events
    .filter((e) => (e.name === TASK || e.name === CHECKPOINT) && e.ph === 'X' && e.pid === thread.pid && e.tid === thread.tid && typeof e.dur === 'number')
    .map((e) => ({ start: e.ts, end: e.ts + e.dur!, checkpoint: e.name === CHECKPOINT }))
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const out: { start: number; end: number }[] = [];
  for (const t of all) {
    const last = out[out.length - 1];
    if (last && t.start < last.end) {
      last.end = Math.max(last.end, t.end);
      continue;
    }
    if (last && t.checkpoint && t.start - last.end <= FOLLOWS_US) {
      last.end = t.end;
      continue;
    }
    out.push({ start: t.start, end: t.end });
  }
  return out;
}

/** Which scripts count as "ours": a URL fragment, or a test on the whole URL. */
export type ScriptMatch = string | ((url: string) => boolean);
const matcher = (match: ScriptMatch) => (typeof match === 'string' ? (url: string) => url.includes(match) : match);

/**
 * The sampling profiler's samples of one thread, each with its time (µs), its length (until the
 * next sample) and whether a frame of its stack belongs to a script `match` accepts.
 */
export function samplesOf(events: readonly TraceEvent[], thread: Thread, match: ScriptMatch): { ts: number; us: number; inScript: boolean }[] {
  const isScript = matcher(match);
  const profiles = new Map<string, { start: number }>();
  for (const e of events) {
    if (e.name !== 'Profile' || e.pid !== thread.pid || e.tid !== thread.tid || e.id === undefined) continue;
    const start = (e.args?.data as { startTime?: number } | undefined)?.startTime ?? e.ts;
    profiles.set(`${e.pid}:${e.id}`, { start });
  }
  const out: { ts: number; us: number; inScript: boolean }[] = [];
  for (const [key, profile] of profiles) {
    const nodes = new Map<number, ProfileNode>();
    const ours = new Map<number, boolean>();
    const isOurs = (id: number): boolean => {
      const known = ours.get(id);
      if (known !== undefined) return known;
      const node = nodes.get(id);
      const value = !!node && (isScript(node.callFrame.url ?? '') || (node.parent !== undefined && isOurs(node.parent)));
      ours.set(id, value);
      return value;
    };
    let t = profile.start;
    const chunkSamples: { ts: number; inScript: boolean }[] = [];
    // Each chunk's time deltas continue from the previous chunk's last sample: take them in order.
    const chunks = events.filter((e) => e.name === 'ProfileChunk' && `${e.pid}:${e.id}` === key).sort((a, b) => a.ts - b.ts);
    for (const e of chunks) {
      const data = (e.args?.data ?? {}) as ProfileChunkData;
      for (const n of data.cpuProfile?.nodes ?? []) nodes.set(n.id, n);
      const samples = data.cpuProfile?.samples ?? [];
      const deltas = data.timeDeltas ?? [];
      for (let i = 0; i < samples.length; i++) {
        t += deltas[i] ?? 0;
        chunkSamples.push({ ts: t, inScript: isOurs(samples[i]!) });
      }
    }
    chunkSamples.sort((a, b) => a.ts - b.ts);
    for (let i = 0; i < chunkSamples.length; i++) {
      const s = chunkSamples[i]!;
      const next = chunkSamples[i + 1];
      out.push({ ts: s.ts, us: next ? Math.max(0, next.ts - s.ts) : 0, inScript: s.inScript });
    }
  }
  return out.sort((a, b) => a.ts - b.ts);
}

/** Each task of the thread with the time its samples spent in the script; tasks without any left out. */
export function scriptTasks(events: readonly TraceEvent[], thread: Thread, match: ScriptMatch): TaskShare[] {
  const tasks = tasksOf(events, thread);
  const samples = samplesOf(events, thread, match).filter((s) => s.inScript);
  const out: TaskShare[] = [];
  let j = 0;
  for (const task of tasks) {
    while (j < samples.length && samples[j]!.ts < task.start) j++;
    let us = 0;
    for (let k = j; k < samples.length && samples[k]!.ts < task.end; k++) us += Math.min(samples[k]!.us, task.end - samples[k]!.ts);
    if (us > 0) out.push({ start: task.start, ms: (task.end - task.start) / 1000, scriptMs: us / 1000 });
  }
  return out;
}

/** The longest of all the thread's tasks (ms), whoever ran in it. */
export function longestTask(events: readonly TraceEvent[], thread: Thread): number {
  return Math.max(0, ...tasksOf(events, thread).map((t) => (t.end - t.start) / 1000));
}
