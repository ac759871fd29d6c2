// Nothing here for twitch-triage: webpack 5 emits the element's wasm and
// language packs on its own. The page comes from index.html.
import HtmlWebpackPlugin from 'html-webpack-plugin';

export default {
  plugins: [new HtmlWebpackPlugin({ template: 'index.html' })],
};
