// Side-by-side player: the videos of a trial are locked together — one play/pause, one scrub bar, loop, frame step,
// speed — and resynchronised on every frame of the leading video (requestVideoFrameCallback). The answer buttons
// unlock once every video has played through; the keyboard answers (← ↓ → or 1 2 3, S / F).

const FRAME = 1 / 30;
const NUDGE = 0.01;      // below this drift nothing is done
const JUMP = 0.25;       // above it the follower seeks; in between its speed is nudged, which never stalls it

const KEYS = { ArrowLeft: 'left', '1': 'left', ArrowDown: 'same', '2': 'same', ArrowRight: 'right', '3': 'right', s: 'success', S: 'success', f: 'failure', F: 'failure' };

export function attach(root, dotnet) {
  const videos = [...root.querySelectorAll('video')];
  const scrub = root.querySelector('[data-player=scrub]');
  const playButton = root.querySelector('[data-player=play]');
  const ended = new Set();
  let unlocked = false;
  let seeking = false;
  let rate = 1;

  const lead = () => videos.reduce((a, b) => ((b.duration || 0) > (a.duration || 0) ? b : a));
  const followers = () => videos.filter(v => v !== lead());

  function sync() {
    const t = lead().currentTime;
    for (const v of followers()) {
      if (Math.abs(v.currentTime - t) > NUDGE && t <= (v.duration || Infinity)) v.currentTime = t;
    }
  }

  // Called for every frame the leading video presents: followers catch up by speed, or by a seek when far off.
  function onFrame() {
    const leader = lead();
    if (!seeking && !leader.paused) {
      const t = leader.currentTime;
      for (const v of followers()) {
        if (v.seeking || t > (v.duration || Infinity)) continue;
        const behind = t - v.currentTime;
        if (Math.abs(behind) > JUMP) { v.currentTime = t; v.playbackRate = rate; }
        else if (Math.abs(behind) > NUDGE) v.playbackRate = rate * (1 + Math.max(-0.3, Math.min(0.3, behind * 4)));
        else v.playbackRate = rate;
      }
    }
    if (scrub && leader.duration) scrub.value = String(leader.currentTime / leader.duration);
    leader.requestVideoFrameCallback(onFrame);
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

  function step(direction) {
    pause();
    seek(Math.max(0, lead().currentTime + direction * FRAME));
  }

  function setRate(value) {
    rate = value;
    videos.forEach(v => { v.playbackRate = rate; });
  }

  function render() {
    if (playButton) playButton.textContent = lead().paused ? 'Play' : 'Pause';
  }

  function onEnded(event) {
    ended.add(event.target);
    if (!unlocked && ended.size === videos.length) {
      unlocked = true;
      dotnet.invokeMethodAsync('OnPlayedThrough');
    }
    // Loop: when the longest video ends, all start again together.
    if (event.target === lead()) {
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
    v.addEventListener('ended', onEnded);
  });
  root.querySelector('[data-player=play]')?.addEventListener('click', toggle);
  root.querySelector('[data-player=back]')?.addEventListener('click', () => step(-1));
  root.querySelector('[data-player=forward]')?.addEventListener('click', () => step(1));
  root.querySelector('[data-player=speed]')?.addEventListener('change', e => setRate(Number(e.target.value)));
  scrub?.addEventListener('input', () => { pause(); seek(Number(scrub.value) * (lead().duration || 0)); });
  document.addEventListener('keydown', onKey);

  // Start together only once every video can play, so none begins late.
  const ready = Promise.all(videos.map(v => v.readyState >= 3 ? null : new Promise(r => v.addEventListener('canplay', r, { once: true }))));
  ready.then(() => {
    if ('requestVideoFrameCallback' in HTMLVideoElement.prototype) lead().requestVideoFrameCallback(onFrame);
    else lead().addEventListener('timeupdate', sync);
    play();
  });

  const handle = {
    dispose() {
      document.removeEventListener('keydown', onKey);
      videos.forEach(v => { v.pause(); v.removeEventListener('ended', onEnded); });
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
