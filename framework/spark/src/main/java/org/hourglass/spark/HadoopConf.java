package org.hourglass.spark;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;

import org.apache.hadoop.conf.Configuration;

/** A Hadoop configuration that can travel to the executors (Hadoop's own is only {@code Writable}). */
final class HadoopConf implements Serializable {

	private static final long serialVersionUID = 1L;

	private transient Configuration conf;

	HadoopConf(final Configuration conf) {
		this.conf = conf;
	}

	Configuration get() {
		return conf;
	}

	private void writeObject(final ObjectOutputStream out) throws IOException {
		out.defaultWriteObject();
		conf.write(out);
	}

	private void readObject(final ObjectInputStream in) throws IOException, ClassNotFoundException {
		in.defaultReadObject();
		conf = new Configuration(false);
		conf.readFields(in);
	}
}
