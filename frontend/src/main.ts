import { mount } from 'svelte';
import App from './App.svelte';
import { installTransport } from './lib/api';
import './app.css';
import './controls.css';

// The transport must exist before any binding is called.
installTransport();

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');
export default mount(App, { target });
