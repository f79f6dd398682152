package org.hourglass.imagej;

/** What to do with a colour (RGB or indexed-colour) image when grey planes are needed. */
public enum RgbPolicy {

	/** Refuse it with a message that says how to convert it. The default: colour is never dropped silently. */
	REFUSE,

	/** Use its luminance, {@code 0.299 R + 0.587 G + 0.114 B} (ITU-R BT.601), as one grey plane. */
	LUMINANCE
}
