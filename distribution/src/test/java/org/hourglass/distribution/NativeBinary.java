package org.hourglass.distribution;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** What a native library's first bytes say it is built for: {@code linux-x86_64}, {@code windows-x86_64}... */
final class NativeBinary {

	private NativeBinary() {}

	/** The JavaCPP platform name of an ELF, PE or Mach-O 64-bit library, or a description of what it is. */
	static String platform(final byte[] b) {
		final ByteBuffer le = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
		if (b.length > 20 && b[0] == 0x7f && b[1] == 'E' && b[2] == 'L' && b[3] == 'F') {
			final int machine = le.getShort(18) & 0xffff;
			return machine == 0x3e ? "linux-x86_64" : machine == 0xb7 ? "linux-arm64" : "elf-machine-" + machine;
		}
		if (b.length > 0x40 && b[0] == 'M' && b[1] == 'Z') {
			final int pe = le.getInt(0x3c);
			if (pe + 6 > b.length || b[pe] != 'P' || b[pe + 1] != 'E') return "not-pe";
			final int machine = le.getShort(pe + 4) & 0xffff;
			return machine == 0x8664 ? "windows-x86_64" : machine == 0xaa64 ? "windows-arm64" : "pe-machine-" + machine;
		}
		if (b.length > 8 && le.getInt(0) == 0xfeedfacf) return macho(le.getInt(4));
		final ByteBuffer be = ByteBuffer.wrap(b).order(ByteOrder.BIG_ENDIAN);
		if (b.length > 8 && be.getInt(0) == 0xcafebabe) {
			// a universal (fat) Mach-O: the platform if every architecture in it is one platform's
			final int n = be.getInt(4);
			String platform = null;
			for (int i = 0; i < n && 8 + 20 * i + 4 <= b.length; i++) {
				final String p = macho(be.getInt(8 + 20 * i));
				if (platform != null && !platform.equals(p)) return "macho-universal";
				platform = p;
			}
			return platform == null ? "macho-empty" : platform;
		}
		return "unknown";
	}

	private static String macho(final int cpu) {
		return cpu == 0x01000007 ? "macosx-x86_64" : cpu == 0x0100000c ? "macosx-arm64" : "macho-cpu-" + cpu;
	}
}
