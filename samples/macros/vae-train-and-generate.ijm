// Hourglass: train a small variational autoencoder (2-dimensional latent) on the bundled digits, then draw
// new digits from it.
//
// Workbench:  hourglass macro samples/macros/vae-train-and-generate.ijm /path/to/results/
//             (on a server: xvfb-run -a hourglass macro ...)
// Fiji:       set 'out' and 'digits' below, then Plugins > Macros > Run...
//
// Keys are the commands' parameter names in lower case (docs/MACROS.md). A real training runs longer
// (the shipped vae-digits trained 22 minutes; docs/GENERATE.md).

out = getArgument();
if (out == "") out = getDirectory("temp");
if (!endsWith(out, File.separator)) out = out + File.separator;
digits = getDirectory("imagej") + "samples" + File.separator + "images" + File.separator + "digits-test-1000.tif";

open(digits);
stack = getTitle();
model = out + "digits-vae.zip";
run("Hourglass VAE Train", "input=[" + stack + "] latent=2 filters=8 epochs=1 stepsperepoch=5 batchsize=16 " +
	"modelfile=[" + model + "] overwrite");
run("Hourglass VAE Generate", "model=[" + model + "] count=16 seed=7");
saveAs("Tiff", out + "generated.tif");
print("generated " + nSlices + " digits into " + out + "generated.tif");
