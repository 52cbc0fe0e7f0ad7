// The browser side of the Java <-> Chromium data channel tests. Every channel echoes what it receives,
// counts ordered messages, and records events, so the Java test can check both directions.
window.pc = null;
window.log = [];
window.channels = {};
window.stats = {};

function wire(dc) {
  channels[dc.label] = dc;
  dc.binaryType = 'arraybuffer';
  const s = stats[dc.label] = { received: 0, next: 0, outOfOrder: 0, closed: false, open: dc.readyState === 'open' };
  dc.onopen = () => { s.open = true; log.push('open ' + dc.label); };
  dc.onclose = () => { s.closed = true; log.push('close ' + dc.label); };
  dc.onmessage = (e) => {
    s.received++;
    if (typeof e.data === 'string' && e.data.startsWith('seq:')) {
      const n = parseInt(e.data.substring(4));
      if (n !== s.next) { s.outOfOrder++; }
      s.next = n + 1;
      return;
    }
    dc.send(e.data);   // echo text and binary as they came
  };
}

function newPc() {
  pc = new RTCPeerConnection();
  pc.ondatachannel = (e) => wire(e.channel);
  pc.onconnectionstatechange = () => log.push('pc ' + pc.connectionState);
  return pc;
}

function gathered() {
  return new Promise((resolve) => {
    if (pc.iceGatheringState === 'complete') { resolve(); return; }
    pc.onicegatheringstatechange = () => { if (pc.iceGatheringState === 'complete') resolve(); };
  });
}

async function browserOffer() {
  newPc();
  wire(pc.createDataChannel('browser'));
  await pc.setLocalDescription();
  await gathered();
  return pc.localDescription.sdp;
}

async function browserAnswer(offer) {
  newPc();
  await pc.setRemoteDescription({ type: 'offer', sdp: offer });
  await pc.setLocalDescription();
  await gathered();
  return pc.localDescription.sdp;
}

async function acceptAnswer(answer) {
  await pc.setRemoteDescription({ type: 'answer', sdp: answer });
  return true;
}

function sendSequence(label, n) {
  const dc = channels[label];
  for (let i = 0; i < n; i++) { dc.send('seq:' + i); }
  return dc.bufferedAmount;
}

async function dtlsVersion() {
  const report = await pc.getStats();
  let v = null;
  report.forEach((r) => { if (r.type === 'transport') { v = r.tlsVersion || null; } });
  return v;
}
