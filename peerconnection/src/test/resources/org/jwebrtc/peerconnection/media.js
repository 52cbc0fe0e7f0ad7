// The browser side of the Java <-> Chromium media tests: receive Java's video into a <video> element and count
// decoded frames; or send the fake camera and microphone to Java.
window.pc = null;
window.log = [];
window.seen = { frames: 0, width: 0, height: 0, errors: 0 };

function newPc() {
  pc = new RTCPeerConnection();
  pc.onconnectionstatechange = () => log.push('pc ' + pc.connectionState);
  pc.ontrack = (e) => {
    if (e.track.kind !== 'video') { return; }
    const v = document.createElement('video');
    v.muted = true;
    v.autoplay = true;
    v.playsInline = true;
    v.srcObject = new MediaStream([e.track]);
    v.onerror = () => { seen.errors++; };
    document.body.appendChild(v);
    const onFrame = (now, meta) => {
      seen.frames++;
      seen.width = meta.width;
      seen.height = meta.height;
      v.requestVideoFrameCallback(onFrame);
    };
    v.requestVideoFrameCallback(onFrame);
    v.play().catch((err) => log.push('play ' + err));
  };
  return pc;
}

function gathered() {
  return new Promise((resolve) => {
    if (pc.iceGatheringState === 'complete') { resolve(); return; }
    pc.onicegatheringstatechange = () => { if (pc.iceGatheringState === 'complete') resolve(); };
  });
}

async function receiveAnswer(offer) {
  newPc();
  await pc.setRemoteDescription({ type: 'offer', sdp: offer });
  await pc.setLocalDescription();
  await gathered();
  return pc.localDescription.sdp;
}

async function sendOffer() {
  newPc();
  const stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: { width: 320, height: 240 } });
  stream.getTracks().forEach((t) => pc.addTrack(t, stream));
  pc.createDataChannel('unused');
  await pc.setLocalDescription();
  await gathered();
  return pc.localDescription.sdp;
}

async function acceptAnswer(answer) {
  await pc.setRemoteDescription({ type: 'answer', sdp: answer });
  return true;
}

async function rtpStats(type) {
  const report = await pc.getStats();
  const out = [];
  report.forEach((r) => {
    if (r.type === type) {
      const c = r.codecId ? report.get(r.codecId) : null;
      out.push(Object.assign({ mimeType: c ? c.mimeType : null }, r));
    }
  });
  return JSON.stringify(out);
}

function codecs(kind) {
  return JSON.stringify(RTCRtpReceiver.getCapabilities(kind).codecs.map((c) => c.mimeType + ' ' + (c.sdpFmtpLine || '')));
}
