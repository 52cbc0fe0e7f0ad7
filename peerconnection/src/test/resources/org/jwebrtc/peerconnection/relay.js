// The browser side of ChromiumTurnRelayIT: an RTCPeerConnection with iceTransportPolicy 'relay' through a TURN
// server given by the Java test; echoes every message and reports the selected pair's candidate types.
window.pc = null;
window.log = [];
window.stats = {};

function wire(dc) {
  const s = stats[dc.label] = { open: dc.readyState === 'open', received: 0 };
  dc.onopen = () => { s.open = true; };
  dc.onmessage = (e) => { s.received++; dc.send(e.data); };
}

async function relayAnswer(offer, turnUrl, username, credential) {
  pc = new RTCPeerConnection({ iceServers: [{ urls: turnUrl, username, credential }], iceTransportPolicy: 'relay' });
  pc.ondatachannel = (e) => wire(e.channel);
  pc.onconnectionstatechange = () => log.push('pc ' + pc.connectionState);
  pc.onicecandidate = (e) => log.push('cand ' + (e.candidate ? e.candidate.candidate : 'end'));
  await pc.setRemoteDescription({ type: 'offer', sdp: offer });
  await pc.setLocalDescription();
  await new Promise((resolve) => {
    if (pc.iceGatheringState === 'complete') { resolve(); return; }
    pc.onicegatheringstatechange = () => { if (pc.iceGatheringState === 'complete') resolve(); };
  });
  return pc.localDescription.sdp;
}

async function selectedTypes() {
  const report = await pc.getStats();
  let pair = null;
  report.forEach((r) => {
    if (r.type === 'transport' && r.selectedCandidatePairId) { pair = report.get(r.selectedCandidatePairId); }
  });
  if (!pair) { return null; }
  return report.get(pair.localCandidateId).candidateType + '/' + report.get(pair.remoteCandidateId).candidateType;
}

// The transport Chromium used to reach its TURN server for the selected pair's local candidate (webrtc-stats).
async function selectedRelayProtocol() {
  const report = await pc.getStats();
  let protocol = null;
  report.forEach((r) => {
    if (r.type === 'transport' && r.selectedCandidatePairId) {
      protocol = report.get(report.get(r.selectedCandidatePairId).localCandidateId).relayProtocol;
    }
  });
  return protocol;
}
