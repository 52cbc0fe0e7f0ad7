// Two RTCPeerConnections in one page, connected to each other through ICE/DTLS/SCTP over loopback
// candidates, exchange one message on a data channel; then report the selected pair and the DTLS
// transport from getStats(). Used by ChromiumIT to prove WebRTC works inside the namespace.
window.inPageLoopback = async function () {
  const pc1 = new RTCPeerConnection();
  const pc2 = new RTCPeerConnection();
  const candidates = [];
  pc1.onicecandidate = e => { if (e.candidate) { candidates.push(e.candidate.candidate); pc2.addIceCandidate(e.candidate); } };
  pc2.onicecandidate = e => { if (e.candidate) { pc1.addIceCandidate(e.candidate); } };

  const dc1 = pc1.createDataChannel('smoke');
  const received = new Promise(resolve => {
    pc2.ondatachannel = e => {
      e.channel.onmessage = m => { e.channel.send('pong:' + m.data); resolve(m.data); };
    };
  });
  const reply = new Promise(resolve => { dc1.onmessage = m => resolve(m.data); });
  dc1.onopen = () => dc1.send('ping');

  await pc1.setLocalDescription();
  await pc2.setRemoteDescription(pc1.localDescription);
  await pc2.setLocalDescription();
  await pc1.setRemoteDescription(pc2.localDescription);

  const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error(
      'no data channel message within 10 s: ice ' + pc1.iceConnectionState + '/' + pc2.iceConnectionState
      + ', connection ' + pc1.connectionState + '/' + pc2.connectionState
      + ', candidates ' + JSON.stringify(candidates))), 10000));
  const [got, answer] = await Promise.race([Promise.all([received, reply]), timeout]);

  const stats = await pc1.getStats();
  const byId = new Map();
  stats.forEach(s => byId.set(s.id, s));
  const transport = [...byId.values()].find(s => s.type === 'transport');
  const pair = byId.get(transport.selectedCandidatePairId);
  const local = byId.get(pair.localCandidateId);
  const remote = byId.get(pair.remoteCandidateId);
  const result = {
    received: got,
    reply: answer,
    candidates: candidates,
    localAddress: local.address, localPort: local.port, localType: local.candidateType,
    protocol: local.protocol,
    remoteAddress: remote.address, remotePort: remote.port,
    tlsVersion: transport.tlsVersion,
    dtlsCipher: transport.dtlsCipher,
    dtlsRole: transport.dtlsRole,
    iceRole: transport.iceRole,
    tlsGroup: transport.tlsGroup || null,
    srtpCipher: transport.srtpCipher || null,
  };
  console.log('in-page loopback', JSON.stringify(result));
  pc1.close();
  pc2.close();
  return result;
};
