// The browser side of DataChannelThroughput: one RTCPeerConnection per page with one reliable channel 'bulk'.
// The sender (always the offerer) times createOffer -> channel open and first send -> the receiver's 'done';
// the receiver counts bytes and answers 'done' once it has them all. Signalling is the Java side's job.
window.pc = null;
window.dc = null;
window.t0 = 0;
window.setupMs = -1;
window.received = 0;
window.expected = -1;
window.failure = null;
let opened = null;
let doneWaiter = null;

function newPc() {
  pc = new RTCPeerConnection();
  pc.onconnectionstatechange = () => { if (pc.connectionState === 'failed') failure = 'connection failed'; };
  opened = new Promise((resolve) => {
    pc.ondatachannel = (e) => { wire(e.channel); resolve(); };
  });
  return pc;
}

function wire(channel) {
  dc = channel;
  dc.binaryType = 'arraybuffer';
  dc.onmessage = (e) => {
    if (typeof e.data === 'string') {
      if (e.data === 'done' && doneWaiter) doneWaiter();
      return;
    }
    received += e.data.byteLength;
    if (expected >= 0 && received >= expected) {
      expected = -1;
      dc.send('done');
    }
  };
}

function gathered() {
  return new Promise((resolve) => {
    if (pc.iceGatheringState === 'complete') { resolve(); return; }
    pc.onicegatheringstatechange = () => { if (pc.iceGatheringState === 'complete') resolve(); };
  });
}

// The sender: createOffer starts the setup clock; the offer is returned once gathering is complete.
async function offer() {
  t0 = performance.now();
  newPc();
  const channel = pc.createDataChannel('bulk');
  wire(channel);
  opened = new Promise((resolve) => { channel.onopen = () => { setupMs = performance.now() - t0; resolve(); }; });
  await pc.setLocalDescription(await pc.createOffer());
  await gathered();
  return pc.localDescription.sdp;
}

async function answer(sdp) {
  newPc();
  await pc.setRemoteDescription({ type: 'offer', sdp: sdp });
  await pc.setLocalDescription(await pc.createAnswer());
  await gathered();
  return pc.localDescription.sdp;
}

async function accept(sdp) {
  await pc.setRemoteDescription({ type: 'answer', sdp: sdp });
  return true;
}

async function open() {
  await opened;
  return setupMs;
}

// The receiver: answer 'done' after total bytes.
function expect(total) {
  received = 0;
  expected = total;
  return true;
}

// The sender: total bytes in messages of size bytes, at most 4 MiB buffered (Chromium's queue is bounded);
// returns the milliseconds from the first send to the receiver's 'done'.
async function sendBulk(total, size) {
  const buf = new Uint8Array(size);
  const done = new Promise((resolve) => { doneWaiter = resolve; });
  dc.bufferedAmountLowThreshold = 1 << 20;
  const start = performance.now();
  let sent = 0;
  while (sent < total) {
    while (sent < total && dc.bufferedAmount <= (4 << 20)) {
      dc.send(buf);
      sent += size;
    }
    if (sent < total) {
      await new Promise((resolve) => { dc.onbufferedamountlow = resolve; });
    }
  }
  await done;
  return performance.now() - start;
}

function close() {
  if (pc) pc.close();
  return true;
}
