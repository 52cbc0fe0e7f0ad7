/**
 * Receive side: {@link org.jwebrtc.rtp.jitter.JitterBuffer} (per SSRC: reordering, duplicate drop, NACK
 * generation per RFC 4585 §6.2.1, frame assembly, keyframe-gated release, PLI requests, adaptive playout
 * delay from the RFC 3550 §A.8 jitter) and its {@link org.jwebrtc.rtp.jitter.NackGenerator}.
 */
package org.jwebrtc.rtp.jitter;
