/**
 * Sans-IO congestion control: {@link org.jwebrtc.rtp.cc.GoogCcController} (send-side delay- and loss-based
 * estimate with probing, GoogCC style), {@link org.jwebrtc.rtp.cc.Pacer} (leaky bucket with probe clusters)
 * and the receiver's {@link org.jwebrtc.rtp.cc.TransportFeedbackGenerator} (TWCC feedback).
 */
package org.jwebrtc.rtp.cc;
