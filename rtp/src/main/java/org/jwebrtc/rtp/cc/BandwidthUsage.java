package org.jwebrtc.rtp.cc;

/** Hypothesis of the overuse detector (GoogCC, draft-ietf-rmcat-gcc-02 §5.4). */
enum BandwidthUsage { NORMAL, UNDERUSING, OVERUSING }
