/** Training data, the variant's pair maker, trainer configuration and progress events. */
@Export
@Version("0.2.0")
package org.hourglass.api.training;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
