package org.hourglass.imagej.variant;

/**
 * What identifies a variant to the framework: the id its models carry (a model of another variant is
 * refused), the version of its model conventions, its name for messages and windows, and the model its
 * commands use when none is named.
 *
 * @param id lower-case id, e.g. {@code denoise}; see {@link org.hourglass.api.ModelSpec#variant()}
 * @param version version of the variant's model conventions (its model properties)
 * @param name the variant's name for people, e.g. {@code Denoise}
 * @param sampleModel the shipped model commands use by default, or {@code null} if none ships
 */
public record VariantDescriptor(String id, int version, String name, String sampleModel) {

	public VariantDescriptor {
		if (id == null || !id.matches("[a-z][a-z0-9-]{0,39}")) {
			throw new IllegalArgumentException("variant id must be lower-case letters, digits or '-', got " + id);
		}
		if (version < 1) throw new IllegalArgumentException("variant version must be at least 1, got " + version);
		if (name == null || name.isBlank()) throw new IllegalArgumentException("a variant needs a name");
	}
}
