// The images' calls into Go (ImageService): copying a chosen, pasted or
// dropped image into the Hugo site, and where the preview finds the site's
// images. The bytes travel as base64 (the one form both faces' transports
// carry); Go decides from the bytes themselves whether they are an image.
import * as Images from '../../../wailsjs/go/app/ImageService';
import { wrap } from './call';

/** Where a featured_image value goes, or an image in the text. */
export type ImagePurpose = 'featured' | 'body';

/** An image copied into the site: ref is what to write (featured_image value, or the address in ![](…)). */
export interface PlacedImage {
  ref: string;
  file: string;
  bundled: boolean;
  existed: boolean;
}

/** Prefixes of the preview's image route for one draft: static for /images/x.png, page for a bundle's x.png ("" when not a bundle). */
export interface ImageRoute {
  static: string;
  page: string;
}

/** The base64 of a file's bytes (without the data: prefix). */
export async function fileBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  const chunk = 0x8000; // String.fromCharCode takes its arguments on the stack
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

export const imagesApi = {
  /** Copies a file (picked in the page, pasted or dropped) into the site for the draft (0: none). */
  place: async (draftId: number, file: File, purpose: ImagePurpose): Promise<PlacedImage> =>
    wrap(Images.PlaceImage(draftId, file.name, await fileBase64(file), purpose)),
  /** The desktop's native chooser; ref is "" when the editor cancelled. */
  pick: (draftId: number, title: string, purpose: ImagePurpose): Promise<PlacedImage> => wrap(Images.PickImage(draftId, title, purpose)),
  previewRoute: (draftId: number): Promise<ImageRoute> => wrap(Images.PreviewRoute(draftId)),
};
