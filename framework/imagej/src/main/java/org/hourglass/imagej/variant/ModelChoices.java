package org.hourglass.imagej.variant;

import java.util.ArrayList;
import java.util.List;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.hourglass.api.ModelEntry;
import org.hourglass.api.ModelService;
import org.scijava.module.MutableModuleItem;

/**
 * The installed models of a variant as the choices of a command's model parameter, so that a dialog offers them
 * (in Fiji and in the workbench's GUI). Only dialogs use the choices; a macro or the command line may still name
 * any model or model file. Never fails: without a working engine the field stays free text.
 */
final class ModelChoices {

	private static final Logger LOG = LogManager.getLogger();

	/** The choice for "no model" of an optional model parameter. */
	static final String NONE = "(none)";

	private ModelChoices() {}

	/**
	 * Sets the choices of {@code item}: the installed models of {@code variant} by name, after {@link #NONE} if
	 * {@code optional}, with the item's current value first if it is none of them; nothing if there are no models.
	 */
	static void fill(final MutableModuleItem<String> item, final ModelService models, final String variant,
		final String current, final boolean optional)
	{
		if (item == null || models == null) return;
		final List<String> names = new ArrayList<>();
		if (optional) names.add(NONE);
		if (current != null && !current.isBlank() && !NONE.equals(current)) names.add(current);
		final List<ModelEntry> installed;
		try {
			installed = models.models(variant);
		}
		catch (final RuntimeException | LinkageError e) {
			// the engine is missing or broken: leave the field free; running the command says what is wrong
			LOG.debug("No model choices for {}: {}", variant, e.toString());
			return;
		}
		for (final ModelEntry e : installed) {
			if (!names.contains(e.name())) names.add(e.name());
		}
		if (names.size() > (optional ? 1 : 0)) item.setChoices(names);
	}

	/** True if {@code value} names no model. */
	static boolean isNone(final String value) {
		return value == null || value.isBlank() || NONE.equals(value);
	}
}
