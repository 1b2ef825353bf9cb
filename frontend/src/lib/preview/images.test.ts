import { describe, expect, it } from 'vitest';
import { previewAddress, rewriteImages } from './images';

const page = { static: '/site-static/k/static/', page: '' };
const bundle = { static: '/site-static/k/static/', page: '/site-static/k/content/posts/%E8%8A%AF%E7%89%87/' };

describe('previewAddress', () => {
  it('serves site-absolute addresses from the static folder', () => {
    expect(previewAddress('/images/a.png', page)).toBe('/site-static/k/static/images/a.png');
    expect(previewAddress('/images/%E6%88%AA%E5%9B%BE.png', page)).toBe('/site-static/k/static/images/%E6%88%AA%E5%9B%BE.png');
  });
  it('serves a bundle’s relative addresses from beside its index.md', () => {
    expect(previewAddress('x-1.png', bundle)).toBe(bundle.page + 'x-1.png');
    expect(previewAddress('./img/y.jpg', bundle)).toBe(bundle.page + 'img/y.jpg');
  });
  it('leaves what Hugo would not serve from the site alone', () => {
    for (const src of ['https://example.com/a.png', 'HTTP://x/a.png', 'data:image/png;base64,AA', '//cdn.example/a.png', '#top', '', 'mailto:a@b']) {
      expect(previewAddress(src, bundle)).toBeNull();
    }
    expect(previewAddress('x.png', page)).toBeNull(); // not a bundle
    expect(previewAddress('/images/a.png', null)).toBeNull(); // route not known yet
  });
});

describe('rewriteImages', () => {
  it('rewrites only the preview’s copy, keeping everything else of the HTML', () => {
    const html = '<p><img src="/images/a.png" alt="图"><img src="https://example.com/b.png" alt=""></p>\n<table><tbody><tr><td>1</td></tr></tbody></table>';
    document.body.innerHTML = html;
    rewriteImages(document.body, page);
    const imgs = Array.from(document.body.querySelectorAll('img'));
    expect(imgs.map((i) => i.getAttribute('src'))).toEqual(['/site-static/k/static/images/a.png', 'https://example.com/b.png']);
    expect(imgs[0].getAttribute('alt')).toBe('图');
    expect(document.body.querySelector('td')?.textContent).toBe('1');
  });
  it('rewrites nested images in place', () => {
    const div = document.createElement('div');
    div.innerHTML = '<figure><a href="/images/big.png"><img src="/images/small.png"></a></figure>';
    rewriteImages(div, page);
    expect(div.querySelector('img')?.getAttribute('src')).toBe('/site-static/k/static/images/small.png');
    expect(div.querySelector('a')?.getAttribute('href')).toBe('/images/big.png');
  });
});
