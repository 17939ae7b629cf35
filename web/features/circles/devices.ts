import type { MediaMode } from '../../../shared/circles/machine.ts';

// The person's own microphone and camera: asking the browser for them, saying plainly why it
// did not work, and the small checks (a level meter, a test tone) before the circle hears them.

export type DeviceMode = Exclude<MediaMode, 'text'>;

/** Why the microphone or camera could not be had, as the page tells the person. */
export type DeviceProblem =
  | 'denied'
  | 'deniedCamera'
  | 'notFound'
  | 'notFoundCamera'
  | 'busy'
  | 'unavailable';

export type DeviceResult = { stream: MediaStream } | { problem: DeviceProblem };

/** The microphone, and the camera for 'video', with the browser's own echo and noise control. */
export async function openDevices(mode: DeviceMode): Promise<DeviceResult> {
  const devices = globalThis.navigator?.mediaDevices;
  // Without a secure origin (or in an old browser) there is no getUserMedia at all.
  if (!devices?.getUserMedia) return { problem: 'unavailable' };
  try {
    const stream = await devices.getUserMedia({
      audio: { echoCancellation: true, noiseSuppression: true, autoGainControl: true },
      video:
        mode === 'video'
          ? { facingMode: 'user', width: { ideal: 640 }, height: { ideal: 480 } }
          : false,
    });
    return { stream };
  } catch (error) {
    return { problem: problemOf(error, mode) };
  }
}

function problemOf(error: unknown, mode: DeviceMode): DeviceProblem {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  const camera = mode === 'video';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return camera ? 'deniedCamera' : 'denied';
    case 'NotFoundError':
    case 'OverconstrainedError':
      return camera ? 'notFoundCamera' : 'notFound';
    case 'NotReadableError':
    case 'AbortError':
      return 'busy';
    default:
      return 'unavailable';
  }
}

/** Ends every track, so the browser's "in use" light goes off. */
export function closeDevices(stream: MediaStream | null): void {
  for (const track of stream?.getTracks() ?? []) track.stop();
}

/** A short, soft tone through the speaker or earphones. */
export function playTestSound(): void {
  const context = new AudioContext();
  const tone = context.createOscillator();
  const volume = context.createGain();
  tone.frequency.value = 440;
  const start = context.currentTime;
  // Fading in and out avoids a click at either end.
  volume.gain.setValueAtTime(0, start);
  volume.gain.linearRampToValueAtTime(0.2, start + 0.05);
  volume.gain.linearRampToValueAtTime(0, start + 0.7);
  tone.connect(volume).connect(context.destination);
  tone.start(start);
  tone.stop(start + 0.75);
  tone.onended = () => void context.close();
}

/**
 * Follows the microphone's loudness, from 0 (silence) to 1, a few times a second: enough for a
 * meter a person can read, without redrawing the page at every frame.
 */
export function followLevel(stream: MediaStream, onLevel: (level: number) => void): () => void {
  const context = new AudioContext();
  const analyser = context.createAnalyser();
  analyser.fftSize = 512;
  context.createMediaStreamSource(stream).connect(analyser);
  const samples = new Float32Array(analyser.fftSize);
  const timer = setInterval(() => {
    analyser.getFloatTimeDomainData(samples);
    let sum = 0;
    for (const sample of samples) sum += sample * sample;
    // Speech sits around 0.01 to 0.1 in root mean square: scaled so that talking fills the bar.
    onLevel(Math.min(1, Math.sqrt(sum / samples.length) * 8));
  }, 150);
  return () => {
    clearInterval(timer);
    void context.close();
  };
}
