// The browser viewer: the browser's own RTCPeerConnection, KVS WebSocket signaling (protocol in
// shared/kvs/PROTOCOL.md), the presigned URL issued by the demo server. window.demo exposes state to tests.
'use strict';
const demo = window.demo = { state: 'new', channelMessages: 0, channelOpen: false, framesDecoded: 0,
  audioPacketsReceived: 0, errors: [], connectMs: null };
const $ = (id) => document.getElementById(id);
const log = (msg) => { $('log').textContent += new Date().toISOString().substring(11, 23) + ' ' + msg + '\n'; };
const b64 = (obj) => btoa(JSON.stringify(obj));
const unb64 = (s) => JSON.parse(atob(s));

async function main() {
  const ticket = await (await fetch('/api/viewer', { cache: 'no-store' })).json();
  log('viewer ' + ticket.clientId + (ticket.relayOnly ? ' (relay only)' : ''));
  const pc = new RTCPeerConnection({ iceServers: ticket.iceServers,
    iceTransportPolicy: ticket.relayOnly ? 'relay' : 'all' });
  demo.pc = pc;
  if (ticket.media) {
    pc.addTransceiver('video', { direction: 'recvonly' });
    pc.addTransceiver('audio', { direction: 'recvonly' });
  }
  const stream = new MediaStream();
  $('video').srcObject = stream;
  pc.ontrack = (e) => { stream.addTrack(e.track); log('track ' + e.track.kind); };
  const channel = pc.createDataChannel('telemetry');
  channel.binaryType = 'arraybuffer';
  channel.onopen = () => { demo.channelOpen = true; log('data channel open'); };
  channel.onmessage = () => { demo.channelMessages++; };

  pc.oniceconnectionstatechange = () => log('ice ' + pc.iceConnectionState);
  pc.onicegatheringstatechange = () => log('gathering ' + pc.iceGatheringState);
  pc.onicecandidateerror = (e) => log('candidate error ' + e.errorCode + ' ' + e.errorText + ' ' + e.url);
  const started = performance.now();
  pc.onconnectionstatechange = () => {
    demo.state = pc.connectionState;
    $('state').textContent = pc.connectionState;
    if (pc.connectionState === 'connected' && demo.connectMs === null) {
      demo.connectMs = Math.round(performance.now() - started);
      $('connectMs').textContent = demo.connectMs + ' ms';
    }
  };

  const ws = new WebSocket(ticket.signalingUrl);
  const pending = [];
  const sendFrame = (action, payload) => {
    const frame = JSON.stringify({ action: action, messagePayload: b64(payload) });
    if (ws.readyState === WebSocket.OPEN) ws.send(frame); else pending.push(frame);
  };
  pc.onicecandidate = (e) => {
    if (e.candidate && e.candidate.candidate) {
      log('local ' + e.candidate.type + ' ' + e.candidate.address + ':' + e.candidate.port);
      sendFrame('ICE_CANDIDATE', e.candidate.toJSON());
    }
  };
  ws.onerror = () => { demo.errors.push('signaling error'); log('signaling error'); };
  ws.onclose = (e) => log('signaling closed ' + e.code);
  // Messages are applied one after another; candidates that come before the answer wait for it (both KVS SDKs
  // buffer them the same way).
  let chain = Promise.resolve();
  const early = [];
  const apply = async (m) => {
    if (m.messageType === 'SDP_ANSWER') {
      await pc.setRemoteDescription(unb64(m.messagePayload));
      log('answer applied');
      for (const c of early.splice(0)) await pc.addIceCandidate(c);
    } else if (m.messageType === 'ICE_CANDIDATE') {
      const c = unb64(m.messagePayload);
      if (!c.candidate) return;
      log('remote ' + c.candidate.split(' ').slice(4, 8).join(' '));
      if (pc.remoteDescription) await pc.addIceCandidate(c); else early.push(c);
    } else if (m.messageType === 'STATUS_RESPONSE') {
      demo.errors.push(JSON.stringify(m.statusResponse));
    }
  };
  ws.onmessage = (e) => {
    const m = JSON.parse(e.data);
    chain = chain.then(() => apply(m)).catch((err) => {
      demo.errors.push(String(err));
      log('error: ' + err);
    });
  };
  ws.onopen = async () => {
    log('signaling open');
    const offer = await pc.createOffer();
    await pc.setLocalDescription(offer);
    sendFrame('SDP_OFFER', { type: 'offer', sdp: offer.sdp });
    pending.splice(0).forEach((f) => ws.send(f));
  };
  setInterval(() => refreshStats(pc), 1000);
}

let last = { bytes: 0, at: 0 };
async function refreshStats(pc) {
  const report = await pc.getStats();
  let pair = null;
  const pairs = [];
  report.forEach((s) => {
    if (s.type === 'candidate-pair') {
      const l = report.get(s.localCandidateId);
      const r = report.get(s.remoteCandidateId);
      pairs.push((l ? l.candidateType + ' ' + l.address + ':' + l.port : '?') + ' -> '
        + (r ? r.candidateType + ' ' + r.address + ':' + r.port : '?') + ' ' + s.state
        + ' sent ' + s.requestsSent + ' recv ' + s.responsesReceived + '/' + s.requestsReceived);
    }
    if (s.type === 'inbound-rtp' && s.kind === 'video') {
      demo.framesDecoded = s.framesDecoded || 0;
      demo.frameWidth = s.frameWidth || 0;
      demo.frameHeight = s.frameHeight || 0;
      const kbps = last.at ? Math.round((s.bytesReceived - last.bytes) * 8 / (s.timestamp - last.at)) : 0;
      last = { bytes: s.bytesReceived, at: s.timestamp };
      $('video-stats').textContent = s.framesDecoded + ' frames decoded, ' + (s.frameWidth || '?') + 'x'
        + (s.frameHeight || '?') + ', ' + kbps + ' kbit/s, ' + (s.packetsLost || 0) + ' lost';
    } else if (s.type === 'inbound-rtp' && s.kind === 'audio') {
      demo.audioPacketsReceived = s.packetsReceived || 0;
      $('audio-stats').textContent = s.packetsReceived + ' packets, jitter ' + Math.round((s.jitter || 0) * 1000)
        + ' ms';
    } else if (s.type === 'candidate-pair' && s.nominated && s.state === 'succeeded') {
      pair = s;
    }
  });
  demo.pairs = pairs;
  $('dc-stats').textContent = demo.channelMessages + ' messages';
  if (pair) {
    const local = report.get(pair.localCandidateId);
    const remote = report.get(pair.remoteCandidateId);
    demo.pair = (local ? local.candidateType : '?') + ' -> ' + (remote ? remote.candidateType : '?');
    $('pair').textContent = demo.pair + (remote ? ' (' + remote.address + ':' + remote.port + ')' : '');
    if (pair.currentRoundTripTime !== undefined) {
      demo.rttMs = pair.currentRoundTripTime * 1000;
      $('rtt').textContent = demo.rttMs.toFixed(1) + ' ms';
    }
  }
}

main().catch((err) => { demo.errors.push(String(err)); log('error: ' + err); });
