// The caption editor's video controls and keyboard shortcuts.
export function step(video, seconds) {
    video.pause();
    video.currentTime = Math.min(Math.max(0, video.currentTime + seconds), video.duration || 0);
}

export function toggle(video) {
    if (video.paused) video.play(); else video.pause();
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
