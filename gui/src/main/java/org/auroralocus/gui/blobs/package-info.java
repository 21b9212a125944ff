/** The Blobs screen: the images and files accounts uploaded, as thumbnails, by account, with takedown. */
package org.auroralocus.gui.blobs;
