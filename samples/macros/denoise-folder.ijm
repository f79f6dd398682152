// Hourglass: denoise every TIFF image of a folder into another folder with an installed model, one by one
// in a macro loop (the Denoise command can also do a whole folder at once: inputfolder=... outputfolder=...).
//
// Workbench:  hourglass macro samples/macros/denoise-folder.ijm "/path/to/noisy/,/path/to/denoised/"
// Fiji:       set 'in' and 'out' below, then Plugins > Macros > Run...

args = split(getArgument(), ",");
if (args.length != 2) exit("Expected the argument 'input folder,output folder', got '" + getArgument() + "'");
in = args[0];
out = args[1];
if (!endsWith(in, File.separator)) in = in + File.separator;
if (!endsWith(out, File.separator)) out = out + File.separator;

if (!File.isDirectory(in)) exit("Expected an input folder, found no folder " + in);
File.makeDirectory(out);
if (!File.isDirectory(out)) exit("Cannot create the output folder " + out);

list = getFileList(in);
done = 0;
for (i = 0; i < list.length; i++) {
	if (!endsWith(toLowerCase(list[i]), ".tif")) continue;
	if (File.exists(out + list[i])) exit("Refusing to replace " + out + list[i] + "; delete it or choose another output folder");
	open(in + list[i]);
	run("Hourglass Denoise", "model=denoise-sample input=[" + getTitle() + "]");
	saveAs("Tiff", out + list[i]);
	close("*");
	done++;
}
print("denoised " + done + " images into " + out);
