// The caption editor's text, video controls and keyboard shortcuts.
export function step(video, seconds) {
    video.pause();
    video.currentTime = Math.min(Math.max(0, video.currentTime + seconds), video.duration || 0);
}

export function toggle(video) {
    if (video.paused) video.play(); else video.pause();
}

// The caption's text lives in the browser: the textarea is never written by the server while someone types. Every
// change counts up a sequence number; the text goes to the server with it (at most one call in flight, the latest text
// when the call before returns), so a late call cannot undo a newer one, and a failed call is sent again. Saves read the
// textarea itself through current().
export function text(textarea, editor, initial) {
    let seq = 0, sent = 0, timer = null, inFlight = false, last = 0, disposed = false;
    textarea.value = initial;

    const send = async () => {
        timer = null;
        if (disposed || inFlight || sent >= seq) return;
        inFlight = true;
        last = Date.now();
        const [value, number] = [textarea.value, seq];
        let retry = false;
        try {
            await editor.invokeMethodAsync('TextChangedAsync', value, number);
            sent = Math.max(sent, number);
        } catch {
            retry = true; // the circuit is busy or reconnecting: the text stays here and goes again
        } finally {
            inFlight = false;
            if (sent < seq) schedule(retry ? 1000 : 0);
        }
    };
    // At most one call every 100 ms while typing goes on; the first change after a pause goes at once.
    const schedule = (wait) => {
        if (timer !== null || disposed) return;
        timer = setTimeout(send, Math.max(wait ?? 0, 100 - (Date.now() - last)));
    };
    const changed = () => { seq++; schedule(); };
    textarea.addEventListener('input', changed);
    // Closing the tab with text the server has not had yet (typed in the last tenth of a second, or while the
    // connection is down) asks first, and sends it meanwhile; the server saves what it has when the page goes.
    const leaving = event => {
        if (sent >= seq) return;
        send();
        event.preventDefault();
        event.returnValue = '';
    };
    window.addEventListener('beforeunload', leaving);

    return {
        current: (lock) => {
            if (lock) textarea.readOnly = true;
            return { text: textarea.value, seq };
        },
        unlock: () => { textarea.readOnly = false; },
        // The server replaces the text (another caption, a restored revision, the saved one after a conflict).
        replace: (value) => {
            textarea.value = value;
            seq++;
            sent = seq;
            return seq;
        },
        dispose: () => {
            disposed = true;
            if (timer !== null) clearTimeout(timer);
            textarea.removeEventListener('input', changed);
            window.removeEventListener('beforeunload', leaving);
        },
    };
}

// Ctrl+S saves, Ctrl+Enter submits, Alt+N opens the next caption in the queue, Alt+, / Alt+. step one frame.
export function shortcuts(editor) {
    const handler = event => {
        const key = event.key;
        if ((event.ctrlKey || event.metaKey) && key === 's') { event.preventDefault(); editor.invokeMethodAsync('ShortcutAsync', 'save'); }
        else if ((event.ctrlKey || event.metaKey) && key === 'Enter') { event.preventDefault(); editor.invokeMethodAsync('ShortcutAsync', 'submit'); }
        else if (event.altKey && (key === 'n' || key === 'N')) { event.preventDefault(); editor.invokeMethodAsync('ShortcutAsync', 'next'); }
        else if (event.altKey && key === ',') { event.preventDefault(); editor.invokeMethodAsync('ShortcutAsync', 'back'); }
        else if (event.altKey && key === '.') { event.preventDefault(); editor.invokeMethodAsync('ShortcutAsync', 'forward'); }
    };
    document.addEventListener('keydown', handler);
    return { dispose: () => document.removeEventListener('keydown', handler) };
}
