// Hourglass plugin template (Sharpen): train a model to undo a Gaussian blur on a sharp image, blur a copy of
// the image with ImageJ's own Gaussian Blur, and sharpen it again with the model.
//
// Workbench:  hourglass macro samples/macros/sharpen-train-and-apply.ijm /path/to/results/

out = getArgument();
if (out == "") out = getDirectory("temp");
if (!endsWith(out, File.separator)) out = out + File.separator;
open(getDirectory("imagej") + "samples" + File.separator + "images" + File.separator + "nuclei-2d.tif");
sharp = getTitle();
run("Hourglass Sharpen Train", "input=[" + sharp + "] sigma=1.5 epochs=2 stepsperepoch=10 patchsize=32 " +
	"modelfile=[" + out + "sharpen.zip] overwrite");
selectImage(sharp);
run("Duplicate...", "title=blurred");
run("Gaussian Blur...", "sigma=1.5");
run("Hourglass Sharpen", "modelfile=[" + out + "sharpen.zip] input=blurred");
saveAs("Tiff", out + "sharpened.tif");
print("sharpened into " + out + "sharpened.tif");
