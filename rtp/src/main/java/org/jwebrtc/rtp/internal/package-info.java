/** Hidden helpers of the rtp module (not exported). */
package org.jwebrtc.rtp.internal;
