import { describe, expect, it } from 'vitest';
import { isExtensionScript } from '@/scripts/bench/extension-chromium';
import { longestTask, samplesOf, scriptTasks, tasksOf, threadRunning, type TraceEvent } from '@/scripts/bench/trace';

const MAIN = { pid: 1, tid: 1 };
const task = (ts: number, dur: number, name = 'ThreadControllerImpl::RunTask'): TraceEvent => ({ name, ph: 'X', pid: 1, tid: 1, ts, dur });
const checkpoint = (ts: number, dur: number) => task(ts, dur, 'BlinkScheduler_PerformMicrotaskCheckpoint');
const URL = 'chrome-extension://abc/content-scripts/footnote.js';

/** A profile of the main thread whose samples alternate as given: true = in the content script. */
function profile(start: number, everyUs: number, inScript: boolean[]): TraceEvent[] {
  const nodes = [
    { id: 1, callFrame: { functionName: '(root)' } },
    { id: 2, parent: 1, callFrame: { functionName: 'scan', url: URL } },
    { id: 3, parent: 2, callFrame: { functionName: 'RegExp: x' } },
    { id: 4, parent: 1, callFrame: { functionName: 'layout', url: 'http://page/' } },
  ];
  const samples = inScript.map((ours, i) => (ours ? (i % 2 ? 3 : 2) : 4));
  const half = Math.ceil(samples.length / 2);
  return [
    { name: 'Profile', ph: 'P', pid: 1, tid: 1, ts: start, id: '0x1', args: { data: { startTime: start } } },
    // Chunks come from the profiler's own thread, and not necessarily in order in the file.
    { name: 'ProfileChunk', ph: 'P', pid: 1, tid: 9, ts: start + 2000, id: '0x1', args: { data: { cpuProfile: { samples: samples.slice(half) }, timeDeltas: samples.slice(half).map(() => everyUs) } } },
    { name: 'ProfileChunk', ph: 'P', pid: 1, tid: 9, ts: start + 1000, id: '0x1', args: { data: { cpuProfile: { nodes, samples: samples.slice(0, half) }, timeDeltas: samples.slice(0, half).map(() => everyUs) } } },
  ];
}

describe('reading a trace', () => {
  it('finds the thread that ran the content script', () => {
    const events: TraceEvent[] = [
      { name: 'EvaluateScript', ph: 'X', pid: 7, tid: 7, ts: 1, dur: 1, args: { data: { url: 'http://page/app.js' } } },
      { name: 'EvaluateScript', ph: 'X', pid: 3, tid: 4, ts: 2, dur: 1, args: { data: { url: URL } } },
    ];
    expect(threadRunning(events, 'content-scripts/')).toEqual({ pid: 3, tid: 4 });
    expect(threadRunning(events, 'nothing')).toBeNull();
  });

  it('counts a microtask checkpoint right after a task as part of it, and nested tasks once', () => {
    const events = [task(0, 100), checkpoint(101, 500), task(700, 50), task(710, 10), checkpoint(900, 20), { ...task(0, 5000), tid: 2 }];
    expect(tasksOf(events, MAIN)).toEqual([
      { start: 0, end: 601 },
      { start: 700, end: 750 },
      { start: 900, end: 920 },
    ]);
    expect(longestTask(events, MAIN)).toBeCloseTo(0.601);
  });

  it('times the profiler’s samples across chunks and knows which are in the script', () => {
    const samples = samplesOf(profile(1000, 100, [true, true, false, true]), MAIN, 'content-scripts/');
    expect(samples.map((s) => s.ts)).toEqual([1100, 1200, 1300, 1400]);
    expect(samples.map((s) => s.inScript)).toEqual([true, true, false, true]);
    expect(samples.map((s) => s.us)).toEqual([100, 100, 100, 0]);
  });

  it('takes a test on the whole URL, so chunks served at another address count too', () => {
    const events = profile(1000, 100, [true, false, true]);
    expect(samplesOf(events, MAIN, isExtensionScript).map((s) => s.inScript)).toEqual([true, false, true]);
    expect(samplesOf(events, MAIN, (url) => url.endsWith('/highlight-ui.js')).map((s) => s.inScript)).toEqual([false, false, false]);
    expect(isExtensionScript('chrome-extension://0f3e-dynamic/highlight-ui.js')).toBe(true);
    expect(isExtensionScript('http://page/chrome-extension://x.js')).toBe(false);
  });

  it('gives each task the time it spent in the script, leaving out tasks that never ran it', () => {
    // Samples every 100 µs from 1,100 µs: script, script, page, page, script, script.
    const events = [...profile(1000, 100, [true, true, false, false, true, true]), task(1050, 300), task(1380, 50), task(1480, 200)];
    expect(scriptTasks(events, MAIN, 'content-scripts/')).toEqual([
      { start: 1050, ms: 0.3, scriptMs: 0.2 },
      { start: 1480, ms: 0.2, scriptMs: 0.1 },
    ]);
  });
});
