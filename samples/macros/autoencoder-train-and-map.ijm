// Hourglass: train a small autoencoder with a 2-value code on the bundled digits, then map the digits with it.
//
// Workbench:  hourglass macro samples/macros/autoencoder-train-and-map.ijm /path/to/results/
//             (on a server: xvfb-run -a hourglass macro ...)
// Fiji:       set 'out' and 'digits' below, then Plugins > Macros > Run...
//
// Keys are the commands' parameter names in lower case (docs/MACROS.md). A real training runs longer
// (the shipped autoencoder-digits-d2 trained 11 minutes; docs/ENCODE.md).

out = getArgument();
if (out == "") out = getDirectory("temp");
if (!endsWith(out, File.separator)) out = out + File.separator;
digits = getDirectory("imagej") + "samples" + File.separator + "images" + File.separator + "digits-test-1000.tif";

open(digits);
stack = getTitle();
model = out + "digits-autoencoder.zip";
run("Hourglass Autoencoder Train", "input=[" + stack + "] latent=dense codesize=2 filters=8,8,8 loss=bce " +
	"epochs=1 stepsperepoch=5 batchsize=16 modelfile=[" + model + "] overwrite");
selectImage(stack);
run("Hourglass Autoencoder Embedding Map", "model=[" + model + "] input=[" + stack + "]");
saveAs("PNG", out + "digits-map.png");
print("mapped " + stack + " into " + out + "digits-map.png");
