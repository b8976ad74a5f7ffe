// Side-by-side player: the videos of a trial are locked together — one play/pause, one scrub bar, loop, frame step,
// speed — and resynchronised on every frame of the leading video (requestVideoFrameCallback). The answer buttons
// unlock once every video has played through; the keyboard answers (← ↓ → or 1 2 3, S / F).

const FALLBACK_FRAME = 1 / 25;
const NUDGE = 0.01;      // below this drift nothing is done
const JUMP = 0.25;       // above it the follower seeks; in between its speed is nudged, which never stalls it

const KEYS = { ArrowLeft: 'left', '1': 'left', ArrowDown: 'same', '2': 'same', ArrowRight: 'right', '3': 'right', s: 'success', S: 'success', f: 'failure', F: 'failure' };

export function attach(root, dotnet) {
  const videos = [...root.querySelectorAll('video')];
  const scrub = root.querySelector('[data-player=scrub]');
  const playButton = root.querySelector('[data-player=play]');
  const speed = root.querySelector('[data-player=speed]');
  const listeners = new AbortController(); // dispose removes every listener added here at once
  const on = (target, type, handler, once = false) => target?.addEventListener(type, handler, { signal: listeners.signal, once });
  const playedThrough = new Set();
  let unlocked = false;
  let disposed = false;
  let seeking = false;
  let rate = Number(speed?.value) || 1;
  let frameRequest = null; // the pending requestVideoFrameCallback: { video, handle }
  let lastFrame = null;    // the leader's previous frame metadata
  let seenFrame = 0;       // the shortest frame duration seen while playing, in seconds

  const lead = () => videos.reduce((a, b) => ((b.duration || 0) > (a.duration || 0) ? b : a));
  const followers = () => videos.filter(v => v !== lead());

  function sync() {
    const t = lead().currentTime;
    for (const v of followers()) {
      if (Math.abs(v.currentTime - t) > NUDGE && t <= (v.duration || Infinity)) v.currentTime = t;
    }
  }

  // Called for every frame the leading video presents: followers catch up by speed, or by a seek when far off.
  function onFrame(now, metadata) {
    frameRequest = null;
    if (disposed) return;
    const leader = lead();
    if (!seeking && !leader.paused) {
      const t = leader.currentTime;
      for (const v of followers()) {
        if (v.seeking || t > (v.duration || Infinity)) continue;
        const behind = t - v.currentTime;
        if (Math.abs(behind) > JUMP) { v.currentTime = t; v.playbackRate = rate; }
        else if (Math.abs(behind) > NUDGE) v.playbackRate = rate * (1 + Math.max(-0.3, Math.min(0.3, behind * 4)));
        else v.playbackRate = rate;
        // A follower sent back from its end stands paused: it has to play on to reach the end again.
        if (v.paused && !v.ended) v.play().catch(() => undefined);
      }
      measureFrame(metadata);
    }
    if (scrub && leader.duration) scrub.value = String(leader.currentTime / leader.duration);
    requestFrame();
  }

  function requestFrame() {
    const video = lead();
    frameRequest = { video, handle: video.requestVideoFrameCallback(onFrame) };
  }

  // Consecutive presented frames differ in media time by one frame duration; a dropped frame or a seek makes the
  // difference larger (or negative), so the shortest positive one seen is the frame duration.
  function measureFrame(metadata) {
    if (lastFrame && metadata.presentedFrames - lastFrame.presentedFrames === 1) {
      const duration = metadata.mediaTime - lastFrame.mediaTime;
      if (duration > 0.004 && (!seenFrame || duration < seenFrame)) seenFrame = duration;
    }
    lastFrame = metadata;
  }

  // The server's frame rate of the normalised video when it knows it, else what playback showed, else 25 fps.
  function frameDuration() {
    const fps = Number(lead().dataset.frameRate);
    return fps > 0 ? 1 / fps : seenFrame || FALLBACK_FRAME;
  }

  async function play() {
    sync();
    await Promise.all(videos.map(v => v.play().catch(() => undefined)));
    render();
  }

  function pause() {
    videos.forEach(v => { v.pause(); v.playbackRate = rate; });
    sync();
    render();
  }

  function toggle() {
    if (lead().paused) play(); else pause();
  }

  function seek(time) {
    seeking = true;
    videos.forEach(v => { v.currentTime = Math.min(time, v.duration || time); v.playbackRate = rate; });
    seeking = false;
  }

  // Lands in the middle of the next (or previous) frame, so rounding never shows the same frame again.
  function step(direction) {
    pause();
    const frame = frameDuration();
    const shown = Math.floor(lead().currentTime / frame + 1e-6);
    seek(Math.max(0, (shown + direction + 0.5) * frame));
  }

  function setRate(value) {
    rate = value;
    videos.forEach(v => { v.defaultPlaybackRate = rate; v.playbackRate = rate; });
  }

  function render() {
    if (playButton) playButton.textContent = lead().paused ? 'Play' : 'Pause';
  }

  function onEnded(event) {
    playedThrough.add(event.target);
    if (!unlocked && playedThrough.size === videos.length) {
      unlocked = true;
      dotnet.invokeMethodAsync('OnPlayedThrough');
    }
    // Loop once every video has reached its end: sending all back when the leader ends would rob a follower a few
    // milliseconds behind of its end, and it would never count as played through.
    if (videos.every(v => v.ended)) {
      seek(0);
      play();
    }
  }

  function onKey(event) {
    if (event.target instanceof HTMLInputElement || event.target instanceof HTMLSelectElement || event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === ' ') { event.preventDefault(); toggle(); return; }
    if (event.key === ',') { step(-1); return; }
    if (event.key === '.') { step(1); return; }
    const choice = KEYS[event.key];
    if (choice && unlocked) {
      event.preventDefault();
      dotnet.invokeMethodAsync('OnKey', choice);
    }
  }

  videos.forEach(v => {
    v.muted = true;
    v.loop = false;
    on(v, 'ended', onEnded);
  });
  setRate(rate);
  on(playButton, 'click', toggle);
  on(root.querySelector('[data-player=back]'), 'click', () => step(-1));
  on(root.querySelector('[data-player=forward]'), 'click', () => step(1));
  on(speed, 'change', e => setRate(Number(e.target.value)));
  on(scrub, 'input', () => { pause(); seek(Number(scrub.value) * (lead().duration || 0)); });
  on(document, 'keydown', onKey);

  // Start together only once every video can play, so none begins late.
  const ready = Promise.all(videos.map(v => v.readyState >= 3 ? null : new Promise(r => on(v, 'canplay', r, true))));
  ready.then(() => {
    if (disposed) return;
    if ('requestVideoFrameCallback' in HTMLVideoElement.prototype) requestFrame();
    else on(lead(), 'timeupdate', sync);
    play();
  });

  const handle = {
    // Stops this trial's sync loop and listeners: a player left running would fight the next one over playbackRate.
    dispose() {
      disposed = true;
      listeners.abort();
      if (frameRequest) frameRequest.video.cancelVideoFrameCallback(frameRequest.handle);
      frameRequest = null;
      videos.forEach(v => v.pause());
      if (root.player === handle) delete root.player;
    },
    // For the synchronisation benchmark: the spread of the videos' current times, in seconds.
    drift() {
      const times = videos.map(v => v.currentTime);
      return Math.max(...times) - Math.min(...times);
    },
    play,
    pause,
    seek,
  };
  // Lets the synchronisation benchmark (a browser test) read the drift of a live trial.
  root.player = handle;
  return handle;
}
