<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About ConvStudio</source>
        <extracomment>The lesson the app follows, as it is titled (in Traditional Chinese). What the app uses and under which licence (an SPDX name), in the order a reader looks.</extracomment>
        <translation>關於 ConvStudio</translation>
    </message>
    <message>
        <source>ConvStudio {0}</source>
        <translation>ConvStudio {0}</translation>
    </message>
    <message>
        <source>Steps through the 2-D convolution of a convolutional neural network, number by number, on numbers you can edit.</source>
        <translation>一步一步走過卷積神經網路的 2D 卷積，每個數字都看得到，而且都能修改。</translation>
    </message>
    <message>
        <source>It follows the lesson “{0}”.</source>
        <translation>它依照課程「{0}」。</translation>
    </message>
    <message>
        <source>Licence: MIT. Free to use, change and share.</source>
        <translation>授權：MIT。可自由使用、修改和分享。</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}：{1}</translation>
    </message>
    <message>
        <source>Made with these, each under its own licence:
{0}
Qt and PySide6 are used unchanged, as installed: under the LGPL you may replace them with a build of your own.</source>
        <translation>使用了以下軟體，各有各的授權：
{0}
Qt 和 PySide6 照安裝時的原樣使用，沒有修改：依照 LGPL，你可以換成自己建置的版本。</translation>
    </message>
    <message>
        <source>For a bug report, copy these versions:</source>
        <translation>回報問題時，請複製這些版本資訊：</translation>
    </message>
    <message>
        <source>&amp;Copy the versions</source>
        <translation>複製版本資訊(&amp;C)</translation>
    </message>
</context>
<context>
    <name>Autosave</name>
    <message>
        <source>Your unsaved work cannot be kept in case ConvStudio closes unexpectedly, and your kernels cannot be saved: {0}. Scenes you save yourself are kept.</source>
        <translation>ConvStudio 意外關閉時無法保留你未儲存的內容，也無法儲存你的卷積核：{0}。你自己儲存的場景不受影響。</translation>
    </message>
    <message>
        <source>an autosave file</source>
        <translation>自動儲存檔案</translation>
    </message>
    <message>
        <source>{0} is not valid JSON.</source>
        <translation>{0} 不是有效的 JSON。</translation>
    </message>
    <message>
        <source>{0} is not a ConvStudio autosave file.</source>
        <translation>{0} 不是 ConvStudio 自動儲存檔案。</translation>
    </message>
    <message>
        <source>{0} was made by {1}; this is ConvStudio {2}, which cannot read it.</source>
        <translation>{0} 是 {1} 做的；這裡是 ConvStudio {2}，讀不了它。</translation>
    </message>
    <message>
        <source>{0} has an unknown version.</source>
        <translation>{0} 的版本不明。</translation>
    </message>
    <message>
        <source>{0}: “source” or “saved_at” is damaged.</source>
        <translation>{0}：「source」或「saved_at」已損毀。</translation>
    </message>
</context>
<context>
    <name>BackpropExplain</name>
    <message>
        <source>∂L/∂Y = {0} sent back: {1} added to {2} cells</source>
        <extracomment>{0}: the gradient, {1}: the products, one per cell; {2}: how many cells.</extracomment>
        <translation>∂L/∂Y = {0} 往回傳：{1} 分別加到 {2} 格</translation>
    </message>
    <message>
        <source>∂L/∂Y = {0} goes to the window&apos;s winner, {1}, alone; its other {2} cells get 0</source>
        <extracomment>{0}: the gradient; {1}: the window&apos;s largest value (its winner); {2}: how many other cells the window has.</extracomment>
        <translation>∂L/∂Y = {0} 只傳給視窗中的最大值 {1}；其餘 {2} 格得到 0</translation>
    </message>
    <message>
        <source>∂L/∂Y = {0} shared: {0} / {1} = {2} to each of {3} cells</source>
        <extracomment>{0}: the gradient; {1}: the divisor; {2}: each cell&apos;s share; {3}: how many cells.</extracomment>
        <translation>∂L/∂Y = {0} 平分：{0} / {1} = {2}，{3} 格各得一份</translation>
    </message>
    <message>
        <source>{0}: the gradient stops here</source>
        <extracomment>{0}: the equation, ending in 0.</extracomment>
        <translation>{0}：梯度到此為止</translation>
    </message>
</context>
<context>
    <name>BackwardPass</name>
    <message>
        <source>Loss: ∂L/∂Y = 2(Y − T)/N, cell by cell</source>
        <translation>損失：∂L/∂Y = 2(Y − T)/N，逐格計算</translation>
    </message>
    <message>
        <source>Layer {0}: update b ← b − η·∂L/∂b</source>
        <translation>第 {0} 層：更新 b ← b − η·∂L/∂b</translation>
    </message>
    <message>
        <source>Layer {0}: update W ← W − η·∂L/∂W</source>
        <translation>第 {0} 層：更新 W ← W − η·∂L/∂W</translation>
    </message>
    <message>
        <source>Layer {0}: ∂L/∂W</source>
        <translation>第 {0} 層：∂L/∂W</translation>
    </message>
    <message>
        <source>Layer {0}: ∂L/∂b</source>
        <translation>第 {0} 層：∂L/∂b</translation>
    </message>
    <message>
        <source>Layer {0}: ∂L/∂X, sent back</source>
        <translation>第 {0} 層：∂L/∂X，往回傳</translation>
    </message>
    <message>
        <source>∂L/∂ {0}</source>
        <extracomment>{0} the map&apos;s own title (&quot;Output 4×4&quot;, &quot;Map 2 3×3&quot;, &quot;Kernel 3×3&quot;).</extracomment>
        <translation>∂L/∂ {0}</translation>
    </message>
    <message>
        <source>{0}, updated</source>
        <extracomment>{0} the kernel&apos;s own title (&quot;Kernel 3×3&quot;, &quot;Kernel 2&quot;).</extracomment>
        <translation>{0}，已更新</translation>
    </message>
</context>
<context>
    <name>Budget</name>
    <message>
        <source>This scene&apos;s output has {0} values to print or write; the budget is {1}.</source>
        <extracomment>{0} and {1} are counts (&quot;64 million&quot;, &quot;2 million&quot;).</extracomment>
        <translation>這個場景的輸出有 {0} 個數值要印出或寫入；上限是 {1} 個。</translation>
    </message>
    <message>
        <source>just over {0}</source>
        <translation>略多於 {0}</translation>
    </message>
    <message>
        <source>This scene needs {0} multiply-adds and {1}; the budget is {2} and {3}.</source>
        <extracomment>{0} and {2} are counts (&quot;1.04 billion&quot;), {1} and {3} sizes (&quot;3 GB&quot;, &quot;544 bytes&quot;).</extracomment>
        <translation>這個場景需要 {0} 次乘加和 {1} 記憶體；上限是 {2} 次乘加和 {3} 記憶體。</translation>
    </message>
    <message>
        <source>Training this scene needs {0} multiply-adds a step; the budget is {1}.</source>
        <translation>訓練這個場景每一步需要 {0} 次乘加；上限是 {1} 次乘加。</translation>
    </message>
    <message>
        <source>Training this scene for {0} steps needs about {1} multiply-adds; the budget is {2}: use at most {3} steps.</source>
        <extracomment>{0} and {3} are numbers of steps, {1} and {2} counts (&quot;1.04 billion&quot;)</extracomment>
        <translation>把這個場景訓練 {0} 步大約需要 {1} 次乘加；上限是 {2} 次乘加：最多用 {3} 步。</translation>
    </message>
    <message>
        <source>{0} billion</source>
        <translation>{0} × 10⁹</translation>
    </message>
    <message>
        <source>{0} million</source>
        <translation>{0} × 10⁶</translation>
    </message>
    <message>
        <source>{0} bytes</source>
        <translation>{0} 位元組</translation>
    </message>
</context>
<context>
    <name>ChannelGrid</name>
    <message>
        <source>Type a number into any white cell; grey cells are padding. Ctrl+V pastes a block copied from a spreadsheet.</source>
        <translation>在任一白色格子輸入數字；灰色格子是填充。Ctrl+V 可貼上從試算表複製的區塊。</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>{0} (see “{1} --help”)</source>
        <extracomment>an argparse error (in English), then the command to ask for help</extracomment>
        <translation>{0}（請見「{1} --help」）</translation>
    </message>
    <message>
        <source>Step through the 2-D convolution of a CNN, number by number.</source>
        <translation>一個數字接一個數字，逐步演示 CNN 的 2D 卷積。</translation>
    </message>
    <message>
        <source>scene file to open (default: the worked example)</source>
        <translation>要開啟的場景檔案（預設：實作範例）</translation>
    </message>
    <message>
        <source>show the version number and exit</source>
        <translation>顯示版本編號後結束</translation>
    </message>
    <message>
        <source>scene file (JSON), or a lesson&apos;s name</source>
        <translation>場景檔案（JSON）或課程名稱</translation>
    </message>
    <message>
        <source>window size (default {0})</source>
        <translation>視窗大小（預設 {0}）</translation>
    </message>
    <message>
        <source>draw the presentation stage (F5), not the editor</source>
        <translation>畫出簡報模式的畫面（F5），而不是編輯器</translation>
    </message>
    <message>
        <source>“{0}” is too long a number</source>
        <extracomment>an int option&apos;s value that has too many digits, shortened</extracomment>
        <translation>「{0}」這個數字太長</translation>
    </message>
    <message>
        <source>“{0}” is not a whole number</source>
        <extracomment>an int option&apos;s value that is not a whole number, shortened</extracomment>
        <translation>「{0}」不是整數</translation>
    </message>
    <message>
        <source>“{0}” is not a number</source>
        <extracomment>a decimal option&apos;s value that is not a number, shortened</extracomment>
        <translation>「{0}」不是數字</translation>
    </message>
    <message>
        <source>“{0}” is not three whole numbers L,R,C from 0</source>
        <extracomment>--trace&apos;s value that is not L,R,C, shortened</extracomment>
        <translation>「{0}」不是從 0 起算的三個整數 L,R,C</translation>
    </message>
    <message>
        <source>Commands: “convstudio lessons” lists the lessons (a lesson&apos;s name works wherever a scene file does); “convstudio compute SCENE.json” prints the output map; “convstudio render SCENE.json -o FRAME.png” draws a frame; “convstudio gif SCENE.json -o RUN.gif” draws the whole run; “convstudio train SCENE.json --steps N --lr LR” learns the weights from the scene&apos;s target. Add --help after a command for its options.</source>
        <translation>指令：「convstudio lessons」顯示所有課程（凡是可以用場景檔案的地方，都可以改用課程名稱）；「convstudio compute SCENE.json」印出輸出特徵圖；「convstudio render SCENE.json -o FRAME.png」畫出一個畫面；「convstudio gif SCENE.json -o RUN.gif」畫出整個演示過程；「convstudio train SCENE.json --steps N --lr LR」從場景的目標學出權重。在指令後加上 --help 可查看它的選項。</translation>
    </message>
    <message>
        <source>Linux: put ConvStudio in your applications menu (an entry and its icon)</source>
        <translation>Linux：把 ConvStudio 放進應用程式選單（一個項目和它的圖示）</translation>
    </message>
    <message>
        <source>Linux: take ConvStudio out of your applications menu again</source>
        <translation>Linux：把 ConvStudio 從應用程式選單移除</translation>
    </message>
    <message>
        <source>print the output map of a scene (of every layer, for a stack)</source>
        <translation>印出場景的輸出特徵圖（多層的場景印出每一層的）</translation>
    </message>
    <message>
        <source>print the last layer&apos;s shape and output, the parameters and MACs of the whole stack, and “layers”: each layer&apos;s type, output_shape, output, parameters, macs, receptive_field and jump ([rows, cols], in input pixels: a decimal where a transposed convolution makes them a fraction of a pixel), as JSON</source>
        <translation>以 JSON 印出最後一層的形狀與輸出、整個網路的參數與乘加次數，以及「layers」：每一層的 type、output_shape、output、parameters、macs、receptive_field 與 jump（[列, 行]，以輸入像素計；轉置卷積使它們成為像素的分數時，寫成小數）</translation>
    </message>
    <message>
        <source>with --json: add “trace”, the cells that cell (R, C) of layer L&apos;s output depends on (all 0-based): L + 1 objects {{rows: [first, last], cols: [first, last]}}, for the input, then for the output of each layer before L; null where its windows read only padding</source>
        <translation>與 --json 一起用：加上「trace」，即第 L 層輸出中 (R, C) 這一格所依賴的格子（都從 0 起算）：L + 1 個物件 {{rows: [第一列, 最後一列], cols: [第一行, 最後一行]}}，先是輸入，再依序是 L 之前每一層的輸出；視窗只讀到填充的地方為 null</translation>
    </message>
    <message>
        <source>with --json: add “matrix”, the first layer&apos;s M as a list of rows, from its input channel 1 to its kernel 1: vec(output) = M · vec(input), the cells in reading order (a convolution or a transposed one; a transposed one&apos;s M is the transpose of the matching convolution&apos;s)</source>
        <translation>與 --json 一起用：加上「matrix」，即第一層從輸入通道 1 到卷積核 1 的矩陣 M，以列的清單表示：vec(輸出) = M · vec(輸入)，格子依閱讀順序排列（卷積或轉置卷積；轉置卷積的 M 是對應卷積之矩陣的轉置）</translation>
    </message>
    <message>
        <source>write the last layer&apos;s output as CSV instead</source>
        <translation>改以 CSV 格式寫出最後一層的輸出</translation>
    </message>
    <message>
        <source>compute even a scene beyond the budget of 10⁹ multiply-adds, 1 GB and 2 million values printed or written</source>
        <translation>即使場景超出 10⁹ 次乘加、1 GB 與印出或寫入 2 × 10⁶ 個數值的上限，也照樣計算</translation>
    </message>
    <message>
        <source>draw the window at one step into a PNG, no display needed</source>
        <translation>把某一步的視窗畫面畫成 PNG，不需要螢幕</translation>
    </message>
    <message>
        <source>PNG file to write</source>
        <translation>要寫入的 PNG 檔案</translation>
    </message>
    <message>
        <source>0-based step to show (default: all steps done)</source>
        <translation>要顯示的步驟，從 0 算起（預設：所有步驟都已完成）</translation>
    </message>
    <message>
        <source>use this preset (its name, or a kernel file) in place of the kernels of the scene&apos;s first convolution</source>
        <translation>用這個預設（名稱或卷積核檔案）取代場景中第一個卷積層的卷積核</translation>
    </message>
    <message>
        <source>list the kernel presets, built-in and yours</source>
        <translation>顯示卷積核預設，包括內建的與你自己的</translation>
    </message>
    <message>
        <source>print a list of {{name, group, description, weights}} as JSON</source>
        <translation>以 JSON 印出 {{name, group, description, weights}} 的清單</translation>
    </message>
    <message>
        <source>list the lessons in order, with their notes</source>
        <translation>依序顯示所有課程及其備註</translation>
    </message>
    <message>
        <source>print a list of {{name, title, note, file}} as JSON</source>
        <translation>以 JSON 印出 {{name, title, note, file}} 的清單</translation>
    </message>
    <message>
        <source>draw the whole run into an animated GIF, one frame per step, no display needed</source>
        <translation>把整個演示過程畫成 GIF 動畫，每一步一個影格，不需要螢幕</translation>
    </message>
    <message>
        <source>GIF file to write</source>
        <translation>要寫入的 GIF 檔案</translation>
    </message>
    <message>
        <source>steps per second, {0} to {1} (default {2})</source>
        <translation>每秒步數，{0} 到 {1}（預設 {2}）</translation>
    </message>
    <message>
        <source>learn the weights of a scene&apos;s layers from its target by plain gradient descent (mean squared error), and print them</source>
        <translation>以最基本的梯度下降（均方誤差）從場景的目標學出各層的權重，並印出來</translation>
    </message>
    <message>
        <source>how many steps, {0} to {1}</source>
        <translation>要走幾步，{0} 到 {1}</translation>
    </message>
    <message>
        <source>the learning rate, a number above 0</source>
        <translation>學習率，一個大於 0 的數</translation>
    </message>
    <message>
        <source>print “loss” (the loss before each step&apos;s update), “stopped” (null, or “overflow”) and “layers”: one object per layer, a convolution&apos;s trained “kernels” and “bias” (null without a bias) as the scene file writes them, {{}} for other layers, as JSON</source>
        <translation>以 JSON 印出「loss」（每一步更新之前的損失）、「stopped」（null 或「overflow」）與「layers」：每一層一個物件，卷積層是訓練後的「kernels」與「bias」（沒有偏置時為 null），寫法與場景檔案相同；其他層為 {{}}</translation>
    </message>
    <message>
        <source>with --json: add “gradients”, one object per layer for the first step: “grad_input” (dL/d the layer&apos;s input, its shape) and, for a convolution, “grad_kernels” and “grad_bias”</source>
        <translation>與 --json 一起用：加上「gradients」，第一步每一層一個物件：「grad_input」（dL/d 該層的輸入，形狀與輸入相同），卷積層另有「grad_kernels」與「grad_bias」</translation>
    </message>
    <message>
        <source>cannot print the output: standard output is closed</source>
        <translation>無法印出輸出：標準輸出已關閉</translation>
    </message>
    <message>
        <source>cannot print the output: {0}</source>
        <translation>無法印出輸出：{0}</translation>
    </message>
    <message>
        <source>the scene&apos;s settings are impossible: {0}</source>
        <translation>場景的設定不可能成立：{0}</translation>
    </message>
    <message>
        <source>--trace: there is no layer L = {0}; L is 0 to {1}</source>
        <extracomment>{0} is the layer asked for, {1} the last layer&apos;s number (0-based)</extracomment>
        <translation>--trace：沒有 L = {0} 這一層；L 是 0 到 {1}</translation>
    </message>
    <message>
        <source>--trace: there is no cell ({0}, {1}) in the output of layer L = {2} ({3}), which is {4}×{5}: rows 0 to {6}, columns 0 to {7}</source>
        <extracomment>{0}, {1}: the cell asked for; {2}: the layer (0-based), {3} its type (relu); {4}×{5}: its map&apos;s rows and columns</extracomment>
        <translation>--trace：L = {2} 那一層（{3}）的輸出是 {4}×{5}，沒有 ({0}, {1}) 這一格：列是 0 到 {6}，行是 0 到 {7}</translation>
    </message>
    <message>
        <source>--matrix: {0}</source>
        <extracomment>{0} is why there is no matrix (a sentence naming the layer).</extracomment>
        <translation>--matrix：{0}</translation>
    </message>
    <message>
        <source># Layer {0} ({1}): {2}</source>
        <extracomment>the heading above each layer&apos;s output in “convstudio compute” of a stack: the layer&apos;s number from 1, its type (relu, max_pool2d), its shape (1×4×4)</extracomment>
        <translation># 第 {0} 層（{1}）：{2}</translation>
    </message>
    <message>
        <source># output channel {0} of {1}</source>
        <extracomment>the heading above each output channel in “convstudio compute”</extracomment>
        <translation># 輸出通道 {0}（共 {1} 個）</translation>
    </message>
    <message>
        <source>--trace adds to the JSON output: add --json</source>
        <translation>--trace 是加在 JSON 輸出裡的：請加上 --json</translation>
    </message>
    <message>
        <source>--matrix adds to the JSON output: add --json</source>
        <translation>--matrix 是加在 JSON 輸出裡的：請加上 --json</translation>
    </message>
    <message>
        <source>there is not enough memory to compute this scene</source>
        <translation>記憶體不足，無法計算這個場景</translation>
    </message>
    <message>
        <source>cannot write {0}: {1}</source>
        <translation>無法寫入 {0}：{1}</translation>
    </message>
    <message>
        <source>{0} of gradient descent at learning rate {1}: the loss went from {2} to {3}.</source>
        <extracomment>{0}: “100 steps”; {1}: the learning rate; {2}, {3}: the loss before and after</extracomment>
        <translation>以學習率 {1} 做了 {0}梯度下降：損失從 {2} 變成 {3}。</translation>
    </message>
    <message>
        <source>{0} of {1} done at learning rate {2}: the loss went from {3} to {4}, then became too large to compute.</source>
        <extracomment>{0}: “162 steps”; {1}: the steps asked for; {2}: the learning rate; {3}, {4}: the loss before the first step and before the last step done</extracomment>
        <translation>以學習率 {2} 做完了 {1} 步中的 {0}：損失從 {3} 變成 {4}，之後大到無法計算。</translation>
    </message>
    <message>
        <source># Layer {0} ({1}): kernel {2}, slice {3}</source>
        <extracomment>a heading in “convstudio train”: the layer&apos;s number and type, then which kernel and which of its slices (one per input channel), from 1</extracomment>
        <translation># 第 {0} 層（{1}）：卷積核 {2}，切片 {3}</translation>
    </message>
    <message>
        <source># Layer {0} ({1}): kernel</source>
        <extracomment>a heading in “convstudio train”: the layer&apos;s number and type (conv2d)</extracomment>
        <translation># 第 {0} 層（{1}）：卷積核</translation>
    </message>
    <message>
        <source>bias: {0}</source>
        <extracomment>the trained bias of a layer in “convstudio train”, one value per kernel</extracomment>
        <translation>偏置：{0}</translation>
    </message>
    <message>
        <source>--gradients adds to the JSON output: add --json</source>
        <translation>--gradients 是加在 JSON 輸出裡的：請加上 --json</translation>
    </message>
    <message>
        <source>convstudio: warning: {0}</source>
        <extracomment>a warning: the user&apos;s kernels folder cannot be listed ({0} says why)</extracomment>
        <translation>convstudio：警告：{0}</translation>
    </message>
    <message>
        <source>convstudio: {0} is left out: {1}</source>
        <translation>convstudio：略過 {0}：{1}</translation>
    </message>
    <message>
        <source>--kernel replaces a convolution&apos;s kernels, and this scene has none</source>
        <translation>--kernel 會取代卷積的卷積核，但這個場景沒有卷積</translation>
    </message>
    <message>
        <source>there is no kernel preset or file “{0}” (“convstudio presets” lists them)</source>
        <translation>沒有名為「{0}」的卷積核預設或檔案（「convstudio presets」會顯示所有預設）</translation>
    </message>
    <message>
        <source>the kernel “{0}” does not fit this scene: {1}</source>
        <translation>卷積核「{0}」不適用於這個場景：{1}</translation>
    </message>
    <message>
        <source>yours</source>
        <extracomment>a group&apos;s heading in “convstudio presets” (the group&apos;s name)</extracomment>
        <translation>你的卷積核</translation>
    </message>
    <message>
        <source>{0}:</source>
        <translation>{0}：</translation>
    </message>
    <message>
        <source>{0} ({1}): {2}</source>
        <extracomment>a kernel preset in “convstudio presets”: name (size, 3×3), description</extracomment>
        <translation>{0}（{1}）：{2}</translation>
    </message>
    <message>
        <source>{0} ({1})</source>
        <extracomment>a kernel preset with no description in “convstudio presets”: name (size, 3×3)</extracomment>
        <translation>{0}（{1}）</translation>
    </message>
    <message>
        <source>{0}. {1}: {2}</source>
        <extracomment>a lesson&apos;s heading in “convstudio lessons”: number, name (typed), title</extracomment>
        <translation>{0}. {1}：{2}</translation>
    </message>
    <message>
        <source>--size must look like {0}, not “{1}”</source>
        <translation>--size 的格式必須像 {0}，而不是「{1}」</translation>
    </message>
    <message>
        <source>--size {0} is out of range ({1} to {2})</source>
        <translation>--size {0} 超出範圍（{1} 到 {2}）</translation>
    </message>
    <message>
        <source>the scene&apos;s settings are impossible, so it has no steps: {0}</source>
        <translation>場景的設定不可能成立，所以沒有任何步驟：{0}</translation>
    </message>
    <message>
        <source>{0} writes {1}: name the file {2}, not “{3}”</source>
        <extracomment>a command (render, gif), what it writes (“PNG images”), the suffix, the file&apos;s name</extracomment>
        <translation>{0} 寫出的是 {1}：檔名請以 {2} 結尾，而不是「{3}」</translation>
    </message>
    <message>
        <source>cannot write {0}: the folder {1} does not exist</source>
        <translation>無法寫入 {0}：資料夾 {1} 不存在</translation>
    </message>
    <message>
        <source>--size {0} is smaller than the window can be for this scene (at least {1}x{2})</source>
        <translation>--size {0} 小於這個場景所需的最小視窗大小（至少 {1}x{2}）</translation>
    </message>
    <message>
        <source>--step must be between {0} and {1} for this scene, not {2}</source>
        <translation>這個場景的 --step 必須介於 {0} 和 {1} 之間，不能是 {2}</translation>
    </message>
    <message>
        <source>PNG images</source>
        <extracomment>what “convstudio render” writes, in “render writes PNG images: name the file .png…”</extracomment>
        <translation>PNG 影像</translation>
    </message>
    <message>
        <source>--fps must be between {0} and {1} steps per second, not {2}</source>
        <translation>--fps 必須介於每秒 {0} 到 {1} 步之間，不能是 {2}</translation>
    </message>
    <message>
        <source>GIF animations</source>
        <extracomment>what “convstudio gif” writes, in “gif writes GIF animations: name the file .gif…”</extracomment>
        <translation>GIF 動畫</translation>
    </message>
    <message>
        <source>there is no Wayland compositor answering at WAYLAND_DISPLAY={0} and no X display answering at DISPLAY={1}, so the window cannot open; “convstudio render SCENE.json -o frame.png” draws a frame without one</source>
        <translation>WAYLAND_DISPLAY={0} 沒有回應的 Wayland 合成器，DISPLAY={1} 也沒有回應的 X 顯示器，因此無法開啟視窗；「convstudio render SCENE.json -o frame.png」不需要顯示器就能畫出一個畫面</translation>
    </message>
    <message>
        <source>there is no Wayland compositor answering at WAYLAND_DISPLAY={0}, and DISPLAY is not set, so the window cannot open; “convstudio render SCENE.json -o frame.png” draws a frame without one</source>
        <translation>WAYLAND_DISPLAY={0} 沒有回應的 Wayland 合成器，也未設定 DISPLAY，因此無法開啟視窗；「convstudio render SCENE.json -o frame.png」不需要顯示器就能畫出一個畫面</translation>
    </message>
    <message>
        <source>there is no Wayland compositor answering at WAYLAND_DISPLAY={0}, so the window cannot open; “convstudio render SCENE.json -o frame.png” draws a frame without one</source>
        <translation>WAYLAND_DISPLAY={0} 沒有回應的 Wayland 合成器，因此無法開啟視窗；「convstudio render SCENE.json -o frame.png」不需要顯示器就能畫出一個畫面</translation>
    </message>
    <message>
        <source>“{0}” is neither a command ({1}), a lesson (“convstudio lessons” lists them) nor a scene file</source>
        <translation>「{0}」不是指令（{1}），不是課程（「convstudio lessons」會顯示所有課程），也不是場景檔案</translation>
    </message>
    <message>
        <source>there is no display to open the window on (DISPLAY is not set); “convstudio render SCENE.json -o frame.png” draws a frame without one</source>
        <translation>沒有可以開啟視窗的顯示器（未設定 DISPLAY）；「convstudio render SCENE.json -o frame.png」不需要顯示器就能畫出一個畫面</translation>
    </message>
    <message>
        <source>there is no X display answering at DISPLAY={0}, so the window cannot open; “convstudio render SCENE.json -o frame.png” draws a frame without one</source>
        <translation>DISPLAY={0} 上沒有回應的 X 顯示器，所以無法開啟視窗；「convstudio render SCENE.json -o frame.png」不需要顯示器就能畫出一個畫面</translation>
    </message>
    <message>
        <source>--install-desktop is for Linux; on Windows and macOS start ConvStudio with “convstudio” (pipx puts it on your PATH)</source>
        <translation>--install-desktop 只用於 Linux；在 Windows 和 macOS 上請用「convstudio」啟動 ConvStudio（pipx 會把它放進 PATH）</translation>
    </message>
    <message>
        <source>ConvStudio is in your applications menu: {0}</source>
        <translation>ConvStudio 已在應用程式選單中：{0}</translation>
    </message>
    <message>
        <source>ConvStudio is out of your applications menu</source>
        <translation>ConvStudio 已從應用程式選單移除</translation>
    </message>
    <message>
        <source>ConvStudio was not in your applications menu</source>
        <translation>ConvStudio 本來就不在應用程式選單中</translation>
    </message>
    <message>
        <source>cannot change the applications menu in {0}: {1}</source>
        <translation>無法變更 {0} 裡的應用程式選單：{1}</translation>
    </message>
    <message>
        <source>convstudio: error: {0}</source>
        <translation>convstudio：錯誤：{0}</translation>
    </message>
</context>
<context>
    <name>CostsPanel</name>
    <message>
        <source>Costs</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>No costs: the settings are impossible.</source>
        <translation>無法計算成本：這組設定不可能成立。</translation>
    </message>
    <message>
        <source>Input {0}×{1}×{2}  →  output {3}×{4}×{5}</source>
        <translation>輸入 {0}×{1}×{2}  →  輸出 {3}×{4}×{5}</translation>
    </message>
    <message>
        <source>Parameters: {0}·{1}·{2}·{3}</source>
        <translation>參數：{0}·{1}·{2}·{3}</translation>
    </message>
    <message>
        <source> + {0} biases</source>
        <translation> + {0} 個偏置</translation>
    </message>
    <message>
        <source>Multiply-adds per output value: {0}·{1}·{2} = {3}</source>
        <translation>每個輸出值的乘加次數：{0}·{1}·{2} = {3}</translation>
    </message>
    <message>
        <source>Multiply-adds in all: {0}·{1}·{2}·{3} = {4}</source>
        <translation>乘加總數：{0}·{1}·{2}·{3} = {4}</translation>
    </message>
    <message>
        <source>Fully connected instead: {0}·{1} + {1} = {2} parameters</source>
        <translation>若改用全連接：{0}·{1} + {1} = {2} 個參數</translation>
    </message>
    <message>
        <source>Receptive field: {0}×{1} input cells in each of {2}</source>
        <translation>感受野：每個通道 {0}×{1} 個輸入格（{2}）</translation>
    </message>
    <message>
        <source>Receptive field r and jump j, in input pixels, layer by layer:</source>
        <extracomment>r is the receptive field and j the jump (both in input pixels) of a layer&apos;s output: the formulas follow on their own lines.</extracomment>
        <translation>逐層的感受野 r 與跳距 j（以輸入像素計）：</translation>
    </message>
    <message>
        <source>A transposed convolution (stride u) puts its cells j_prev/u apart.</source>
        <extracomment>u is a transposed convolution&apos;s stride: it reads its input with u − 1 zeros between cells, so j_prev is divided by u in the formulas for r and j.</extracomment>
        <translation>轉置卷積（步長 u）讓它的格子相距 j_prev/u。</translation>
    </message>
    <message>
        <source>{0}: output {1}×{2}×{3}</source>
        <translation>{0}：輸出 {1}×{2}×{3}</translation>
    </message>
    <message>
        <source>size: {0}</source>
        <translation>大小：{0}</translation>
    </message>
    <message>
        <source>parameters {0}, multiply-adds {1}</source>
        <translation>參數 {0}，乘加 {1}</translation>
    </message>
    <message>
        <source>receptive field {0}×{1}, jump {2}×{3}</source>
        <translation>感受野 {0}×{1}，跳距 {2}×{3}</translation>
    </message>
    <message>
        <source>rows: {0}</source>
        <translation>列：{0}</translation>
    </message>
    <message>
        <source>columns: {0}</source>
        <translation>行：{0}</translation>
    </message>
    <message>
        <source>In all: {0} parameters, {1} multiply-adds</source>
        <translation>總計：參數 {0}，乘加 {1}</translation>
    </message>
</context>
<context>
    <name>Counts</name>
    <message>
        <source>{0} row</source>
        <translation>{0} 列</translation>
    </message>
    <message>
        <source>{0} rows</source>
        <translation>{0} 列</translation>
    </message>
    <message>
        <source>{0} column</source>
        <translation>{0} 行</translation>
    </message>
    <message>
        <source>{0} columns</source>
        <translation>{0} 行</translation>
    </message>
    <message>
        <source>{0} channel</source>
        <translation>{0} 個通道</translation>
    </message>
    <message>
        <source>{0} channels</source>
        <translation>{0} 個通道</translation>
    </message>
    <message>
        <source>{0} input channel</source>
        <translation>{0} 個輸入通道</translation>
    </message>
    <message>
        <source>{0} input channels</source>
        <translation>{0} 個輸入通道</translation>
    </message>
    <message>
        <source>{0} kernel</source>
        <translation>{0} 個卷積核</translation>
    </message>
    <message>
        <source>{0} kernels</source>
        <translation>{0} 個卷積核</translation>
    </message>
    <message>
        <source>{0} slice</source>
        <translation>{0} 個切片</translation>
    </message>
    <message>
        <source>{0} slices</source>
        <translation>{0} 個切片</translation>
    </message>
    <message>
        <source>{0} ring</source>
        <translation>{0} 圈</translation>
    </message>
    <message>
        <source>{0} rings</source>
        <translation>{0} 圈</translation>
    </message>
    <message>
        <source>{0} group</source>
        <translation>{0} 個分組</translation>
    </message>
    <message>
        <source>{0} groups</source>
        <translation>{0} 個分組</translation>
    </message>
    <message>
        <source>{0} step</source>
        <translation>{0} 步</translation>
    </message>
    <message>
        <source>{0} steps</source>
        <translation>{0} 步</translation>
    </message>
    <message>
        <source>{0} value</source>
        <translation>{0} 個值</translation>
    </message>
    <message>
        <source>{0} values</source>
        <translation>{0} 個值</translation>
    </message>
    <message>
        <source>{0} window</source>
        <translation>{0} 個視窗</translation>
    </message>
    <message>
        <source>{0} windows</source>
        <translation>{0} 個視窗</translation>
    </message>
    <message>
        <source>{0} file</source>
        <translation>{0} 個檔案</translation>
    </message>
    <message>
        <source>{0} files</source>
        <translation>{0} 個檔案</translation>
    </message>
    <message>
        <source>{0} problem</source>
        <translation>{0} 個問題</translation>
    </message>
    <message>
        <source>{0} problems</source>
        <translation>{0} 個問題</translation>
    </message>
</context>
<context>
    <name>Document</name>
    <message>
        <source>{0} The settings stay as they were.</source>
        <extracomment>{0} is why the edit was refused (one or more sentences).</extracomment>
        <translation>{0}設定維持不變。</translation>
    </message>
    <message>
        <source>This kernel has {0}, one per input channel, but the input can have at most {1}.</source>
        <extracomment>{0} is &quot;500000 slices&quot;, {1} &quot;4 channels&quot; (both translated apart).</extracomment>
        <translation>這個卷積核有 {0}（每個輸入通道一個），但輸入最多只能有 {1}。</translation>
    </message>
    <message>
        <source>This kernel has {0}, one per input channel, but each kernel here reads {1}: set the input to {2} channels first.</source>
        <extracomment>{0} is &quot;3 slices&quot;, {1} &quot;1 channel&quot; (both translated apart), {2} a number.</extracomment>
        <translation>這個卷積核有 {0}（每個輸入通道一個），但這裡每個卷積核讀取 {1}：請先把輸入設為 {2} 個通道。</translation>
    </message>
    <message>
        <source>There is no kernel {0}: this layer has {1}.</source>
        <extracomment>{0} is a kernel&apos;s number, {1} &quot;2 kernels&quot; (translated apart).</extracomment>
        <translation>沒有卷積核 {0}：這一層只有 {1}。</translation>
    </message>
    <message>
        <source>Every kernel here is {0}×{1}, and this one is {2}×{3}: put it into every kernel, or make the kernels {2}×{3} first.</source>
        <extracomment>{0}×{1}: the size of every kernel of the layer; {2}×{3}: the size of the new one.</extracomment>
        <translation>這裡的每個卷積核都是 {0}×{1}，而這個是 {2}×{3}：請把它放進所有卷積核，或先把卷積核改成 {2}×{3}。</translation>
    </message>
    <message>
        <source>The kernel must be a grid of numbers.</source>
        <translation>卷積核必須是由數字組成的方格。</translation>
    </message>
    <message>
        <source>This scene has no convolution (only transposed ones): edit its layers on the stage or in Layers.</source>
        <translation>這個場景沒有卷積（只有轉置卷積）：請在舞台上或「層」中編輯它的層。</translation>
    </message>
    <message>
        <source>it has no kernels: it is not a convolution.</source>
        <translation>它沒有卷積核：它不是卷積層。</translation>
    </message>
    <message>
        <source>The input can have {0} to {1} channels, not {2}.</source>
        <translation>輸入可以有 {0} 到 {1} 個通道，不能是 {2} 個。</translation>
    </message>
    <message>
        <source>There can be {0} to {1} kernels, not {2}.</source>
        <translation>卷積核可以有 {0} 到 {1} 個，不能是 {2} 個。</translation>
    </message>
    <message>
        <source>Unknown layer type {0}: use one of {1}.</source>
        <extracomment>{0} is the type asked for; {1} the types, as a file names them.</extracomment>
        <translation>不明的層類型 {0}：請用 {1} 之一。</translation>
    </message>
    <message>
        <source>A scene holds at most {0} layers: remove one before adding one.</source>
        <translation>一個場景最多只能有 {0} 層：請先移除一層再新增。</translation>
    </message>
    <message>
        <source>it is the first layer already.</source>
        <translation>它已經是第一層了。</translation>
    </message>
    <message>
        <source>it is the last layer already.</source>
        <translation>它已經是最後一層了。</translation>
    </message>
    <message>
        <source>it has no setting {0}.</source>
        <translation>它沒有 {0} 這個設定。</translation>
    </message>
    <message>
        <source>There is no layer {0}: the layers are numbered 1 to {1}.</source>
        <extracomment>{0} is a layer&apos;s number from 1, as asked for; {1} the last layer&apos;s number.</extracomment>
        <translation>沒有第 {0} 層：各層的編號是 1 到 {1}。</translation>
    </message>
    <message>
        <source>it is the scene&apos;s only convolution, and a scene keeps at least one: add another convolution before making this one {0}.</source>
        <extracomment>{0} is a layer type (&quot;max pooling&quot;).</extracomment>
        <translation>它是場景中唯一的卷積，而場景至少要保留一個：請先新增另一個卷積，再把這一層改成{0}。</translation>
    </message>
    <message>
        <source>it is the scene&apos;s only convolution, and a scene keeps at least one: add another convolution before removing this one.</source>
        <translation>它是場景中唯一的卷積，而場景至少要保留一個：請先新增另一個卷積，再移除這一層。</translation>
    </message>
    <message>
        <source>The stride must be at least {0}.</source>
        <translation>步長至少要是 {0}。</translation>
    </message>
    <message>
        <source>The dilation must be at least {0}.</source>
        <translation>膨脹至少要是 {0}。</translation>
    </message>
    <message>
        <source>Unknown padding {0}: use {1}, {2}, {3} or a number.</source>
        <extracomment>{0} is what was asked for; {1}, {2}, {3} are valid, same and full, the padding&apos;s names as the user types them (they stay in English).</extracomment>
        <translation>未知的填充 {0}：請使用 {1}、{2}、{3} 或一個數字。</translation>
    </message>
    <message>
        <source>The padding cannot be negative.</source>
        <translation>填充不能是負數。</translation>
    </message>
    <message>
        <source>The number of groups must be a whole number of at least {0}, not {1}.</source>
        <translation>分組數必須是至少 {0} 的整數，不能是 {1}。</translation>
    </message>
    <message>
        <source>Unknown padding mode {0}: use {1}, {2}, {3} or {4}.</source>
        <extracomment>{0} is what was asked for; {1}…{4} are zeros, reflect, replicate and circular, the padding modes as a file holds them (they stay in English).</extracomment>
        <translation>未知的填充方式 {0}：請使用 {1}、{2}、{3} 或 {4}。</translation>
    </message>
    <message>
        <source>Unknown setting {0}.</source>
        <translation>未知的設定 {0}。</translation>
    </message>
    <message>
        <source>The pasted block is {0}×{1}; from row {2}, column {3} it needs a {4}×{5} kernel, and the largest is {6}×{7}.</source>
        <translation>貼上的區塊是 {0}×{1}；從第 {2} 列、第 {3} 行開始貼上需要 {4}×{5} 的卷積核，但最大只能是 {6}×{7}。</translation>
    </message>
    <message>
        <source>The pasted block is {0}×{1}; from row {2}, column {3} it needs a {4}×{5} grid, and the largest is {6}×{7}.</source>
        <translation>貼上的區塊是 {0}×{1}；從第 {2} 列、第 {3} 行開始貼上需要 {4}×{5} 的方格，但最大只能是 {6}×{7}。</translation>
    </message>
    <message>
        <source>That input cell is no longer in the scene (it changed meanwhile); the number was not kept.</source>
        <translation>那個輸入格已不在場景中（場景在這期間有變動）；這個數字沒有保留。</translation>
    </message>
    <message>
        <source>That kernel cell is no longer in the scene (it changed meanwhile); the number was not kept.</source>
        <translation>那個卷積核格已不在場景中（場景在這期間有變動）；這個數字沒有保留。</translation>
    </message>
    <message>
        <source>That bias cell is no longer in the scene (it changed meanwhile); the number was not kept.</source>
        <translation>那個偏置格已不在場景中（場景在這期間有變動）；這個數字沒有保留。</translation>
    </message>
    <message>
        <source>The kernel can have {0} to {1} rows and columns, not {2}.</source>
        <translation>卷積核的列數與行數可以是 {0} 到 {1}，不能是 {2}。</translation>
    </message>
    <message>
        <source>The input can have {0} to {1} rows and columns, not {2}.</source>
        <translation>輸入的列數與行數可以是 {0} 到 {1}，不能是 {2}。</translation>
    </message>
</context>
<context>
    <name>EquationView</name>
    <message>
        <source>Press → or PageDown to take the first step; Space plays.</source>
        <translation>按 → 或 PageDown 走第一步；按空白鍵自動播放。</translation>
    </message>
    <message>
        <source>No output: the settings are impossible (see the red note under the output).</source>
        <translation>沒有輸出：這組設定不可能成立（見輸出下方的紅字說明）。</translation>
    </message>
    <message>
        <source>Quiz: how large is the output? Guess its rows × columns first.</source>
        <translation>測驗：輸出有多大？先猜它的列 × 行。</translation>
    </message>
    <message>
        <source>— your {0}: right!</source>
        <translation>— 你的 {0}：答對了！</translation>
    </message>
    <message>
        <source>— your {0}: wrong, it is {1}</source>
        <translation>— 你的 {0}：錯了，答案是 {1}</translation>
    </message>
</context>
<context>
    <name>Explain</name>
    <message>
        <source>Dilation {0}: the kernel&apos;s {1} taps span {2} = {3} rows.</source>
        <extracomment>{0} is the dilation, {1} the kernel&apos;s size, {2} a formula (2·(3−1)+1), {3} a number.</extracomment>
        <translation>膨脹 {0}：卷積核的 {1} 個取樣點跨越 {2} = {3} 列。</translation>
    </message>
    <message>
        <source>Dilation {0}: the kernel&apos;s {1} taps span {2} = {3} columns.</source>
        <translation>膨脹 {0}：卷積核的 {1} 個取樣點跨越 {2} = {3} 行。</translation>
    </message>
    <message>
        <source>{0} is not whole: the last {1} row is never reached.</source>
        <extracomment>{0} is a division such as (6 + 2·0 − 3)/2 = 1.5; {1} a number.</extracomment>
        <translation>{0} 不是整數：視窗永遠到不了最後 {1} 列。</translation>
    </message>
    <message>
        <source>{0} is not whole: the last {1} rows are never reached.</source>
        <translation>{0} 不是整數：視窗永遠到不了最後 {1} 列。</translation>
    </message>
    <message>
        <source>{0} is not whole: the last {1} column is never reached.</source>
        <translation>{0} 不是整數：視窗永遠到不了最後 {1} 行。</translation>
    </message>
    <message>
        <source>{0} is not whole: the last {1} columns are never reached.</source>
        <translation>{0} 不是整數：視窗永遠到不了最後 {1} 行。</translation>
    </message>
    <message>
        <source>{0} is not whole: the last {1} row and {2} column are never reached.</source>
        <extracomment>{0} is a division such as (6 + 2·0 − 3)/2 = 1.5; {1} and {2} are numbers.</extracomment>
        <translation>{0} 不是整數：視窗永遠到不了最後 {1} 列和最後 {2} 行。</translation>
    </message>
    <message>
        <source>{0} is not whole: the last {1} rows and {2} columns are never reached.</source>
        <translation>{0} 不是整數：視窗永遠到不了最後 {1} 列和最後 {2} 行。</translation>
    </message>
    <message>
        <source>{0} &lt; 1: the kernel does not fit</source>
        <extracomment>{0} is the output-size formula, such as ⌊(6 + 2·0 − 7)/1⌋ + 1.</extracomment>
        <translation>{0} &lt; 1：卷積核放不下</translation>
    </message>
    <message>
        <source>ConvStudio flips each kernel here (true convolution); Conv2d does not:
give it the flipped weights, {0}.</source>
        <extracomment>A comment under Python code: each line becomes a &quot;# &quot; line; {0} is Python code.</extracomment>
        <translation>ConvStudio 在這裡會翻轉每個卷積核（真正的卷積），Conv2d 則不會：
請改給它翻轉後的權重：{0}。</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>The speed must be above {0} steps per second, not {1}.</source>
        <translation>速度必須高於每秒 {0} 步，不能是 {1}。</translation>
    </message>
    <message>
        <source>This scene has no steps to put in a GIF.</source>
        <translation>這個場景沒有任何步驟可以放進 GIF。</translation>
    </message>
    <message>
        <source>A GIF of {0} frames at {1}×{2} is too large (at most {3} frames at that size); choose a smaller size or fewer steps.</source>
        <translation>{1}×{2} 大小、共 {0} 個影格的 GIF 太大（這個大小最多 {3} 個影格）；請選擇較小的大小或較少的步驟。</translation>
    </message>
    <message>
        <source>{0}×{1} is smaller than the window can be for this scene (at least {2}×{3}).</source>
        <translation>{0}×{1} 比這個場景的視窗所能縮到的最小尺寸還小（至少 {2}×{3}）。</translation>
    </message>
    <message>
        <source>The PNG could not be encoded.</source>
        <translation>無法編碼這張 PNG。</translation>
    </message>
    <message>
        <source>There is no frame to put in a GIF.</source>
        <translation>沒有可放進 GIF 的畫面。</translation>
    </message>
    <message>
        <source>As the window is now ({0}×{1})</source>
        <translation>與目前視窗相同（{0}×{1}）</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>尺寸：</translation>
    </message>
    <message>
        <source>Name the file {0}, not “{1}”. Nothing was written.</source>
        <translation>檔名請用 {0}，而不是「{1}」。沒有寫入任何檔案。</translation>
    </message>
    <message>
        <source>{0} Nothing was written.</source>
        <translation>{0} 沒有寫入任何檔案。</translation>
    </message>
    <message>
        <source>Could not export to {0}: {1} Nothing was written.</source>
        <translation>無法匯出到 {0}：{1} 沒有寫入任何檔案。</translation>
    </message>
    <message>
        <source>Could not export to {0}: {1}. Nothing was written.</source>
        <translation>無法匯出到 {0}：{1}。沒有寫入任何檔案。</translation>
    </message>
    <message>
        <source>Export frame</source>
        <translation>匯出畫面</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 圖片 (*.png)</translation>
    </message>
    <message>
        <source>Export run</source>
        <translation>匯出整段播放</translation>
    </message>
    <message>
        <source>GIF animations (*.gif)</source>
        <translation>GIF 動畫 (*.gif)</translation>
    </message>
    <message>
        <source>Export numbers</source>
        <translation>匯出數字</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 檔案 (*.csv)</translation>
    </message>
    <message>
        <source>Export &amp;frame…</source>
        <translation>匯出畫面(&amp;F)…</translation>
    </message>
    <message>
        <source>Export &amp;run…</source>
        <translation>匯出整段播放(&amp;R)…</translation>
    </message>
    <message>
        <source>Export &amp;numbers…</source>
        <translation>匯出數字(&amp;N)…</translation>
    </message>
</context>
<context>
    <name>FieldHover</name>
    <message>
        <source>receptive field {0}×{1}</source>
        <extracomment>{0} rows, {1} columns of the input one cell of a map sees.</extracomment>
        <translation>感受野 {0}×{1}</translation>
    </message>
</context>
<context>
    <name>FileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>搜尋位置(&amp;L)：</translation>
    </message>
    <message>
        <source>File &amp;name:</source>
        <translation>檔案名稱(&amp;N)：</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>檔案類型(&amp;T)：</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>儲存(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>開啟(&amp;O)</translation>
    </message>
</context>
<context>
    <name>Files</name>
    <message>
        <source>Cannot look at {0}: {1}.</source>
        <translation>無法查看 {0}：{1}。</translation>
    </message>
    <message>
        <source>a folder</source>
        <translation>資料夾</translation>
    </message>
    <message>
        <source>a named pipe (FIFO)</source>
        <translation>具名管道（FIFO）</translation>
    </message>
    <message>
        <source>a device</source>
        <translation>裝置</translation>
    </message>
    <message>
        <source>a socket</source>
        <translation>通訊端（socket）</translation>
    </message>
    <message>
        <source>a special file</source>
        <translation>特殊檔案</translation>
    </message>
    <message>
        <source>a file</source>
        <translation>檔案</translation>
    </message>
    <message>
        <source>{0} is a folder, not {1}.</source>
        <translation>{0} 是資料夾，不是{1}。</translation>
    </message>
    <message>
        <source>{0} is {1}, not {2}.</source>
        <translation>{0} 是{1}，不是{2}。</translation>
    </message>
    <message>
        <source>{0} is too large to be {1} (more than {2}).</source>
        <translation>{0} 太大，無法當作{1}（超過 {2}）。</translation>
    </message>
    <message>
        <source>{0} bytes</source>
        <translation>{0} 位元組</translation>
    </message>
    <message>
        <source>There is no file {0}.</source>
        <translation>沒有 {0} 這個檔案。</translation>
    </message>
    <message>
        <source>Cannot read {0}: {1}.</source>
        <translation>無法讀取 {0}：{1}。</translation>
    </message>
    <message>
        <source>{0} is not a text file, so it cannot be {1}.</source>
        <translation>{0} 不是文字檔，所以不能當作{1}。</translation>
    </message>
    <message>
        <source>{0} cannot be used: {1}</source>
        <translation>無法使用 {0}：{1}</translation>
    </message>
    <message>
        <source>{0} does not exist</source>
        <translation>{0} 不存在</translation>
    </message>
    <message>
        <source>{0} is a file, not a folder</source>
        <translation>{0} 是檔案，不是資料夾</translation>
    </message>
    <message>
        <source>{0} is {1}, not a folder</source>
        <translation>{0} 是{1}，不是資料夾</translation>
    </message>
    <message>
        <source>Cannot write {0}: {1}.</source>
        <translation>無法寫入 {0}：{1}。</translation>
    </message>
    <message>
        <source>Cannot write {0}: it is {1}, not a file.</source>
        <translation>無法寫入 {0}：它是{1}，不是檔案。</translation>
    </message>
    <message>
        <source>Cannot write {0}: it is the file being read.</source>
        <translation>無法寫入 {0}：它就是正在讀取的那個檔案。</translation>
    </message>
    <message>
        <source>The name of the file to write is empty.</source>
        <translation>要寫入的檔案名稱是空的。</translation>
    </message>
    <message>
        <source>Cannot write {0}: a name ending in {1} is a folder, not a file.</source>
        <translation>無法寫入 {0}：以 {1} 結尾的名稱是資料夾，不是檔案。</translation>
    </message>
</context>
<context>
    <name>HeatMapView</name>
    <message>
        <source>Map {0}</source>
        <translation>特徵圖 {0}</translation>
    </message>
</context>
<context>
    <name>Image</name>
    <message>
        <source>{0} is cut short (the file ends before the image does); it cannot be shown.</source>
        <translation>{0} 不完整（檔案在影像結束之前就結束了）；無法顯示。</translation>
    </message>
    <message>
        <source>{0} is not an image that can be read (PNG or JPEG).</source>
        <translation>{0} 不是可讀取的影像（PNG 或 JPEG）。</translation>
    </message>
    <message>
        <source>{0} would take {1} MB of memory to decode; ConvStudio decodes images of up to {2} MB.</source>
        <translation>解碼 {0} 需要 {1} MB 記憶體；ConvStudio 只解碼最多 {2} MB 的影像。</translation>
    </message>
    <message>
        <source>The image is empty.</source>
        <translation>影像是空的。</translation>
    </message>
    <message>
        <source>The image is {0}×{1} pixels; ConvStudio takes images up to {2}×{3}. Scale it down first.</source>
        <translation>影像是 {0}×{1} 像素；ConvStudio 最大只能處理 {2}×{3} 的影像。請先把影像縮小。</translation>
    </message>
    <message>
        <source>The image is convolved with the scene&apos;s convolution, and this scene has none (only transposed convolutions).</source>
        <translation>影像是用場景的卷積來做卷積的，但這個場景沒有卷積（只有轉置卷積）。</translation>
    </message>
    <message>
        <source>A region can be 1 to {0} pixels on each side.</source>
        <translation>區域每邊可以是 1 到 {0} 個像素。</translation>
    </message>
    <message>
        <source>The region must lie inside the image.</source>
        <translation>區域必須位在影像之內。</translation>
    </message>
    <message>
        <source>Image region {0}×{1} at row {2}, column {3}</source>
        <translation>影像區域 {0}×{1}，位於第 {2} 列、第 {3} 行</translation>
    </message>
</context>
<context>
    <name>ImageWindow</name>
    <message>
        <source>Image — ConvStudio</source>
        <translation>影像 — ConvStudio</translation>
    </message>
    <message>
        <source>grey</source>
        <translation>灰階</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg);;All files (*)</source>
        <translation>影像 (*.png *.jpg *.jpeg);;所有檔案 (*)</translation>
    </message>
    <message>
        <source>RGB</source>
        <translation>RGB</translation>
    </message>
    <message>
        <source>Step through the region as one grey channel or as R, G and B</source>
        <translation>把這個區域當成一個灰階通道，或當成 R、G、B 三個通道來逐步演示</translation>
    </message>
    <message>
        <source>Which kernel&apos;s map to show</source>
        <translation>要顯示哪個卷積核的特徵圖</translation>
    </message>
    <message>
        <source>Step through this region</source>
        <translation>逐步演示這個區域</translation>
    </message>
    <message>
        <source>Make the framed region (up to {0}×{1}) the input</source>
        <translation>把框起來的區域（最大 {0}×{1}）設為輸入</translation>
    </message>
    <message>
        <source>Region as</source>
        <translation>區域當作</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>特徵圖</translation>
    </message>
    <message>
        <source>Could not open the image. {0}</source>
        <translation>無法開啟影像。{0}</translation>
    </message>
    <message>
        <source>{0} ({1}×{2}) — ConvStudio</source>
        <translation>{0}（{1}×{2}）— ConvStudio</translation>
    </message>
    <message>
        <source>Computing the result on the whole image…</source>
        <translation>正在計算整張影像的結果…</translation>
    </message>
    <message>
        <source>Preview shown; computing the full-resolution result… {0} %</source>
        <translation>已顯示預覽；正在以完整解析度計算結果… {0} %</translation>
    </message>
    <message>
        <source>Computing the full-resolution result… {0} %</source>
        <translation>正在以完整解析度計算結果… {0} %</translation>
    </message>
    <message>
        <source>kernel {0}</source>
        <translation>卷積核 {0}</translation>
    </message>
    <message>
        <source>Opening {0}…</source>
        <translation>正在開啟 {0}…</translation>
    </message>
    <message>
        <source>No result on the image: {0}</source>
        <translation>影像上沒有結果：{0}</translation>
    </message>
    <message>
        <source>Result {0}×{1}, computed at full resolution in {2} ms.</source>
        <translation>結果 {0}×{1}，以完整解析度計算，耗時 {2} 毫秒。</translation>
    </message>
    <message>
        <source>Preview: every {0}th pixel ({1}×{2}, a rough picture: the kernels span {0}× more of the photo); computing the full {3}×{4} result…</source>
        <translation>預覽：每 {0} 個像素取 1 個（{1}×{2}，只是粗略的畫面：卷積核在照片上涵蓋的範圍放大為 {0}×）；正在計算完整的 {3}×{4} 結果…</translation>
    </message>
    <message>
        <source>Open an image first (File ▸ Open image…).</source>
        <translation>請先開啟影像（檔案 ▸ 開啟影像…）。</translation>
    </message>
</context>
<context>
    <name>InputPanel</name>
    <message>
        <source>Input</source>
        <translation>輸入</translation>
    </message>
    <message>
        <source>Random</source>
        <translation>隨機</translation>
    </message>
    <message>
        <source>Fill the input with random whole numbers 0–255</source>
        <translation>以 0–255 的隨機整數填滿輸入</translation>
    </message>
    <message>
        <source>Zeros</source>
        <translation>全零</translation>
    </message>
    <message>
        <source>Set every input cell to 0</source>
        <translation>把每個輸入格設為 0</translation>
    </message>
    <message>
        <source>Input {0}×{1}</source>
        <translation>輸入 {0}×{1}</translation>
    </message>
    <message>
        <source>channel {0}</source>
        <translation>通道 {0}</translation>
    </message>
    <message>
        <source>{0}  (not seen)</source>
        <translation>{0}（看不到）</translation>
    </message>
    <message>
        <source>Kernel {0} does not see {1}.</source>
        <translation>卷積核 {0} 看不到 {1}。</translation>
    </message>
</context>
<context>
    <name>KernelJump</name>
    <message>
        <source>Jump to the first step of a kernel (its output map)</source>
        <translation>跳到某個卷積核的第一步（它的輸出特徵圖）</translation>
    </message>
    <message>
        <source>kernel {0}</source>
        <translation>卷積核 {0}</translation>
    </message>
</context>
<context>
    <name>KernelModel</name>
    <message>
        <source>Weight typed at row {0}, column {1}, shown flipped as the true convolution applies it. The input values it multiplies at this step are lit; hold Shift for every step, with how many times each.</source>
        <translation>輸入時在第 {0} 列、第 {1} 行的權重，這裡照真正的卷積套用時的樣子翻轉顯示。這一步它所乘的輸入值會亮起；按住 Shift 可看到所有步驟，以及每個值各被乘了幾次。</translation>
    </message>
    <message>
        <source>Weight at row {0}, column {1}. The input values it multiplies at this step are lit; hold Shift for every step, with how many times each.</source>
        <translation>第 {0} 列、第 {1} 行的權重。這一步它所乘的輸入值會亮起；按住 Shift 可看到所有步驟，以及每個值各被乘了幾次。</translation>
    </message>
    <message>
        <source>{0} The weight keeps its value.</source>
        <translation>{0}權重維持原值。</translation>
    </message>
</context>
<context>
    <name>KernelPanel</name>
    <message>
        <source>Put a well-known kernel into the editor</source>
        <translation>把常見的卷積核放進編輯區</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>儲存…</translation>
    </message>
    <message>
        <source>Keep this kernel under a name, for next time</source>
        <translation>替這個卷積核命名並儲存，下次可以再用</translation>
    </message>
    <message>
        <source>A preset goes into every kernel; tick this to put it into the ▶ kernel only</source>
        <translation>預設的卷積核會放進每個卷積核；勾選這裡，就只放進 ▶ 標示的卷積核</translation>
    </message>
    <message>
        <source>Kernel</source>
        <translation>卷積核</translation>
    </message>
    <message>
        <source>Kernel {0}</source>
        <translation>卷積核 {0}</translation>
    </message>
    <message>
        <source>bias </source>
        <translation>偏置 </translation>
    </message>
    <message>
        <source>Added to every value of map {0}</source>
        <translation>加到特徵圖 {0} 的每個值上</translation>
    </message>
    <message>
        <source>channel {0}</source>
        <translation>通道 {0}</translation>
    </message>
    <message>
        <source>The weights that multiply input {0}</source>
        <translation>與輸入 {0} 相乘的權重</translation>
    </message>
    <message>
        <source>Kernel {0}×{1}</source>
        <translation>卷積核 {0}×{1}</translation>
    </message>
    <message>
        <source>▶ Kernel {0}</source>
        <translation>▶ 卷積核 {0}</translation>
    </message>
    <message>
        <source>Kernel {0}×{1}
flipped (true
convolution)</source>
        <translation>卷積核 {0}×{1}
已翻轉：
真正的卷積</translation>
    </message>
    <message>
        <source>▶ Kernel {0}
flipped (true
convolution)</source>
        <translation>▶ 卷積核 {0}
已翻轉：
真正的卷積</translation>
    </message>
    <message>
        <source>Kernel {0}
flipped (true
convolution)</source>
        <translation>卷積核 {0}
已翻轉：
真正的卷積</translation>
    </message>
    <message>
        <source>Presets…</source>
        <translation>預設…</translation>
    </message>
    <message>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>your kernels</source>
        <translation>你的卷積核</translation>
    </message>
    <message>
        <source>Your kernels… (rename, delete)</source>
        <translation>你的卷積核…（重新命名、刪除）</translation>
    </message>
    <message>
        <source>Only into the ▶ kernel</source>
        <translation>只放進 ▶ 卷積核</translation>
    </message>
    <message>
        <source>Only into ▶ kernel {0}</source>
        <translation>只放進 ▶ 卷積核 {0}</translation>
    </message>
    <message>
        <source>Could not save the kernel: {0}.</source>
        <translation>無法儲存卷積核：{0}。</translation>
    </message>
    <message>
        <source>Your kernel “{0}” was replaced by this one.</source>
        <translation>你的卷積核「{0}」已被這個取代。</translation>
    </message>
    <message>
        <source>This scene has no convolution: there is no kernel to save.</source>
        <translation>這個場景沒有卷積：沒有可以儲存的卷積核。</translation>
    </message>
    <message>
        <source>Could not import the kernel: {0} Nothing changed.</source>
        <translation>無法匯入卷積核：{0}沒有任何變更。</translation>
    </message>
    <message>
        <source>Could not import the kernel “{0}”: {1}</source>
        <translation>無法匯入卷積核「{0}」：{1}</translation>
    </message>
    <message>
        <source>Could not export the kernel to {0}: {1}.</source>
        <translation>無法把卷積核匯出到 {0}：{1}。</translation>
    </message>
    <message>
        <source>Save kernel</source>
        <translation>儲存卷積核</translation>
    </message>
    <message>
        <source>Name of this kernel:</source>
        <translation>這個卷積核的名稱：</translation>
    </message>
</context>
<context>
    <name>KernelSlice</name>
    <message>
        <source>Type a weight into any cell; Ctrl+V pastes a block.</source>
        <translation>在任一格輸入權重；Ctrl+V 可貼上區塊。</translation>
    </message>
    <message>
        <source>{0} Nothing was pasted.</source>
        <translation>{0}沒有貼上任何內容。</translation>
    </message>
</context>
<context>
    <name>LayerBlock</name>
    <message>
        <source>Map {0}</source>
        <translation>特徵圖 {0}</translation>
    </message>
    <message>
        <source>Kernel {0}</source>
        <translation>卷積核 {0}</translation>
    </message>
    <message>
        <source>Kernel {0}, flipped</source>
        <translation>卷積核 {0}（已翻轉）</translation>
    </message>
    <message>
        <source>flipped</source>
        <translation>已翻轉</translation>
    </message>
    <message>
        <source>bias </source>
        <translation>偏置 </translation>
    </message>
    <message>
        <source>Added to every value of map {0}</source>
        <translation>加到特徵圖 {0} 的每個值上</translation>
    </message>
    <message>
        <source>window</source>
        <translation>視窗</translation>
    </message>
</context>
<context>
    <name>LayerExplain</name>
    <message>
        <source>x = {0}: times the kernel, it lands only in the cut-off padding.</source>
        <extracomment>A transposed convolution&apos;s step: {0} is the input value read.</extracomment>
        <translation>x = {0}：乘上卷積核後，只落在被裁掉的填充裡。</translation>
    </message>
    <message>
        <source>x = {0}: {0} × ({1}) added into {2} cell</source>
        <extracomment>A transposed convolution&apos;s step: {0} the input value, {1} the weights it is multiplied by (a list), {2} how many output cells the products are added into.</extracomment>
        <translation>x = {0}：{0} × ({1}) 加進 {2} 個格子</translation>
    </message>
    <message>
        <source>x = {0}: {0} × ({1}) added into {2} cells</source>
        <translation>x = {0}：{0} × ({1}) 加進 {2} 個格子</translation>
    </message>
    <message>
        <source>The divisor {0} counts the padding too (the input gives {1} of the cells).</source>
        <extracomment>{0} is the divisor; {1} how many of the window&apos;s cells are the input&apos;s.</extracomment>
        <translation>除數 {0} 也算入填充（其中 {1} 格來自輸入）。</translation>
    </message>
    <message>
        <source>The divisor {0} counts only the input&apos;s cells, not the padding.</source>
        <translation>除數 {0} 只算輸入的格子，不算填充。</translation>
    </message>
    <message>
        <source>ConvStudio flips the kernels of true convolutions; Conv2d does not: give it the flipped weights, {0}.</source>
        <extracomment>A comment under Python code; {0} is Python code.</extracomment>
        <translation>ConvStudio 會把真正的卷積的卷積核翻轉；Conv2d 不會：請給它翻轉後的權重，{0}。</translation>
    </message>
</context>
<context>
    <name>LayerNames</name>
    <message>
        <source>convolution</source>
        <translation>卷積</translation>
    </message>
    <message>
        <source>ReLU</source>
        <translation>ReLU</translation>
    </message>
    <message>
        <source>leaky ReLU</source>
        <translation>帶洩漏 ReLU</translation>
    </message>
    <message>
        <source>sigmoid</source>
        <translation>S 型函數</translation>
    </message>
    <message>
        <source>tanh</source>
        <translation>雙曲正切</translation>
    </message>
    <message>
        <source>max pooling</source>
        <translation>最大池化</translation>
    </message>
    <message>
        <source>average pooling</source>
        <translation>平均池化</translation>
    </message>
    <message>
        <source>transposed convolution</source>
        <translation>轉置卷積</translation>
    </message>
    <message>
        <source>conv {0}×{1}</source>
        <extracomment>A convolution layer&apos;s short name; {0}×{1} is its kernel&apos;s size.</extracomment>
        <translation>卷積 {0}×{1}</translation>
    </message>
    <message>
        <source>tconv {0}×{1}</source>
        <extracomment>A transposed convolution layer&apos;s short name; {0}×{1} is its kernel&apos;s size.</extracomment>
        <translation>轉置卷積 {0}×{1}</translation>
    </message>
    <message>
        <source>max pool {0}×{1}</source>
        <extracomment>A max pooling layer&apos;s short name; {0}×{1} is its window&apos;s size.</extracomment>
        <translation>最大池化 {0}×{1}</translation>
    </message>
    <message>
        <source>avg pool {0}×{1}</source>
        <translation>平均池化 {0}×{1}</translation>
    </message>
    <message>
        <source>{0} {1}</source>
        <extracomment>{0} is the layer&apos;s number from 1, {1} its short name (&quot;max pool 2×2&quot;).</extracomment>
        <translation>{0} {1}</translation>
    </message>
</context>
<context>
    <name>LayerSettings</name>
    <message>
        <source>Window</source>
        <translation>視窗</translation>
    </message>
    <message>
        <source>Stride</source>
        <translation>步長</translation>
    </message>
    <message>
        <source>Padding</source>
        <translation>填充</translation>
    </message>
    <message>
        <source>Dilation</source>
        <translation>膨脹</translation>
    </message>
    <message>
        <source>Round the size up (ceil mode)</source>
        <translation>大小無條件進位（ceil_mode）</translation>
    </message>
    <message>
        <source>Count the padding in the divisor</source>
        <translation>除數也計入填充</translation>
    </message>
    <message>
        <source>Slope below 0</source>
        <translation>小於 0 時的斜率</translation>
    </message>
    <message>
        <source>Output padding</source>
        <translation>輸出填充</translation>
    </message>
    <message>
        <source>Step by</source>
        <translation>逐步方式</translation>
    </message>
    <message>
        <source>input cells (scatter)</source>
        <translation>逐一輸入格（散佈）</translation>
    </message>
    <message>
        <source>output cells (gather)</source>
        <translation>逐一輸出格（收集）</translation>
    </message>
</context>
<context>
    <name>LayerTitle</name>
    <message>
        <source>Layer {0}: convolution {1}×{2}</source>
        <extracomment>{0} the layer&apos;s number, {1}×{2} the kernel&apos;s size.</extracomment>
        <translation>第 {0} 層：卷積 {1}×{2}</translation>
    </message>
    <message>
        <source>Layer {0}: convolution {1}×{2}, stride {3}</source>
        <extracomment>{3} the stride.</extracomment>
        <translation>第 {0} 層：卷積 {1}×{2}，步長 {3}</translation>
    </message>
    <message>
        <source>Layer {0}: transposed convolution {1}×{2}, stride {3}, stepped by input cells</source>
        <extracomment>{0} the layer&apos;s number, {1}×{2} the kernel&apos;s size, {3} the stride.</extracomment>
        <translation>第 {0} 層：轉置卷積 {1}×{2}，步長 {3}，逐一輸入格走</translation>
    </message>
    <message>
        <source>Layer {0}: transposed convolution {1}×{2}, stride {3}, stepped by output cells</source>
        <translation>第 {0} 層：轉置卷積 {1}×{2}，步長 {3}，逐一輸出格走</translation>
    </message>
    <message>
        <source>Layer {0}: max pool {1}×{2}, stride {3}</source>
        <translation>第 {0} 層：最大池化 {1}×{2}，步長 {3}</translation>
    </message>
    <message>
        <source>Layer {0}: average pool {1}×{2}, stride {3}</source>
        <translation>第 {0} 層：平均池化 {1}×{2}，步長 {3}</translation>
    </message>
    <message>
        <source>Layer {0}: {1}</source>
        <extracomment>{1} the activation&apos;s name: ReLU, LeakyReLU, σ, tanh.</extracomment>
        <translation>第 {0} 層：{1}</translation>
    </message>
</context>
<context>
    <name>Layers</name>
    <message>
        <source>“{0}” must be true or false, not {1}.</source>
        <translation>「{0}」必須是 true 或 false，不能是 {1}。</translation>
    </message>
    <message>
        <source>“{0}” must be a number, not {1}.</source>
        <translation>「{0}」必須是數字，不能是 {1}。</translation>
    </message>
    <message>
        <source>“{0}” must be a number or one of {1}, not {2}.</source>
        <translation>「{0}」必須是數字或 {1} 之一，不能是 {2}。</translation>
    </message>
    <message>
        <source>“{0}” must be one of {1}, not {2}.</source>
        <translation>「{0}」必須是 {1} 之一，不能是 {2}。</translation>
    </message>
    <message>
        <source>“{0}” must be a whole number from 1 to {1}, not {2}.</source>
        <translation>「{0}」必須是 1 到 {1} 的整數，不能是 {2}。</translation>
    </message>
    <message>
        <source>“{0}” must be null or a list of numbers, one per kernel.</source>
        <translation>「{0}」必須是 null，或每個卷積核一個數字的清單。</translation>
    </message>
    <message>
        <source>“output_padding” is {0}; it must be smaller than the stride ({1}) or the dilation ({2}).</source>
        <translation>「output_padding」是 {0}；它必須小於步長（{1}）或膨脹（{2}）。</translation>
    </message>
    <message>
        <source>“padding” “same” needs a stride of 1, not {0}.</source>
        <translation>「padding」為「same」時步長必須是 1，不能是 {0}。</translation>
    </message>
    <message>
        <source>“padding” is {0}, more than half the window of {1}: at most {2}.</source>
        <translation>「padding」是 {0}，超過視窗 {1} 的一半：最多 {2}。</translation>
    </message>
    <message>
        <source>Layer {0}: {1}</source>
        <translation>第 {0} 層：{1}</translation>
    </message>
    <message>
        <source>Layer {0} ({1}): {2}</source>
        <extracomment>a refusal about a layer: its number from 1, its type (conv2d, max_pool2d), why</extracomment>
        <translation>第 {0} 層（{1}）：{2}</translation>
    </message>
    <message>
        <source>a layer must be a JSON object.</source>
        <translation>每一層必須是 JSON 物件。</translation>
    </message>
    <message>
        <source>the key “type” is missing.</source>
        <translation>缺少「type」。</translation>
    </message>
    <message>
        <source>unknown type {0}; use one of {1}.</source>
        <translation>不明的類型 {0}；請用 {1} 之一。</translation>
    </message>
    <message>
        <source>unknown key “{0}”.</source>
        <translation>不明的鍵「{0}」。</translation>
    </message>
    <message>
        <source>the key “{0}” is missing.</source>
        <translation>缺少「{0}」。</translation>
    </message>
    <message>
        <source>“layers” must be a non-empty list of layers.</source>
        <translation>「layers」必須是非空的層清單。</translation>
    </message>
    <message>
        <source>“layers” has {0} layers; a scene holds at most {1}.</source>
        <translation>「layers」有 {0} 層；一個場景最多 {1} 層。</translation>
    </message>
</context>
<context>
    <name>LayersPanel</name>
    <message>
        <source>Layers</source>
        <translation>層</translation>
    </message>
    <message>
        <source>The layers, input first. Click one to edit it and step from its start.</source>
        <translation>各層，從輸入開始。點一層即可編輯它，並跳到它的第一步。</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Add a layer after the current one</source>
        <translation>在目前這一層後面新增一層</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Remove the current layer</source>
        <translation>移除目前這一層</translation>
    </message>
    <message>
        <source>Move the current layer up, towards the input</source>
        <translation>把目前這一層往上移，靠近輸入</translation>
    </message>
    <message>
        <source>Move the current layer down, towards the output</source>
        <translation>把目前這一層往下移，靠近輸出</translation>
    </message>
    <message>
        <source>The current layer&apos;s type</source>
        <translation>目前這一層的類型</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>類型</translation>
    </message>
    <message>
        <source>After layer {0} ({1}):</source>
        <extracomment>{0} is a layer&apos;s number, {1} its name (&quot;conv 3×3&quot;).</extracomment>
        <translation>加在第 {0} 層（{1}）之後：</translation>
    </message>
    <message>
        <source>A scene holds at most {0} layers.</source>
        <translation>一個場景最多只能有 {0} 層。</translation>
    </message>
    <message>
        <source>A scene keeps at least one convolution.</source>
        <translation>場景至少要保留一個卷積。</translation>
    </message>
    <message>
        <source>Its kernels and settings are in Kernel, Window and Layer below.</source>
        <translation>它的卷積核與設定在下方的「卷積核」、「視窗」和「層」。</translation>
    </message>
    <message>
        <source>No layer is a convolution: Kernel, Window and Layer below are empty.</source>
        <translation>沒有任何一層是卷積：下方的「卷積核」、「視窗」和「層」是空的。</translation>
    </message>
    <message>
        <source>Kernel, Window and Layer below show layer {0} ({1}).</source>
        <extracomment>{0} is a layer&apos;s number, {1} its name (&quot;conv 3×3&quot;).</extracomment>
        <translation>下方的「卷積核」、「視窗」和「層」顯示的是第 {0} 層（{1}）。</translation>
    </message>
    <message>
        <source>= window</source>
        <extracomment>A pool&apos;s stride when none is set: the window&apos;s size (PyTorch&apos;s default).</extracomment>
        <translation>= 視窗</translation>
    </message>
</context>
<context>
    <name>LessonNote</name>
    <message>
        <source>Lesson {0} of {1}: {2}</source>
        <translation>第 {0} 課，共 {1} 課：{2}</translation>
    </message>
</context>
<context>
    <name>Lessons</name>
    <message>
        <source>Why convolution</source>
        <translation>為什麼要卷積</translation>
    </message>
    <message>
        <source>A 1000×1000 RGB photo into 1000 fully connected neurons needs 1000·1000·3·1000 = 3&#xa0;000&#xa0;000&#xa0;000 weights; one 3×3×3 kernel needs 27, and a bias. Open the Costs section of the side panel: it puts this layer&apos;s 28 parameters beside what a fully connected layer from the same input to the same output would need. Ask the class why one small kernel may be used at every position of the image.</source>
        <translation>一張 1000×1000 的 RGB 照片接到 1000 個全連接神經元，需要 1000·1000·3·1000 = 3&#xa0;000&#xa0;000&#xa0;000 個權重；一個 3×3×3 的卷積核只需要 27 個，再加一個偏置。打開側邊面板的「成本」區塊：它把這一層的 28 個參數，和從同樣輸入到同樣輸出的全連接層所需的參數並排比較。問問全班：為什麼一個小小的卷積核可以用在影像的每個位置？</translation>
    </message>
    <message>
        <source>The worked example: 6×6 ∗ 3×3 → 4×4</source>
        <translation>實作範例：6×6 ∗ 3×3 → 4×4</translation>
    </message>
    <message>
        <source>Step through the first row: 18×1 + 54×0 + 51×1 + 55×0 + 121×1 + 75×0 + 35×1 + 24×0 + 204×1 = 429, then 505. Before each step, ask for the next value (Q turns the quiz on). Then ask why 6 − 3 + 1 = 4 positions fit along a row.</source>
        <translation>逐步走過第一列：18×1 + 54×0 + 51×1 + 55×0 + 121×1 + 75×0 + 35×1 + 24×0 + 204×1 = 429，接著是 505。每走一步之前，先請學生說出下一個值（按 Q 開啟測驗）。再問：為什麼沿著一列剛好放得下 6 − 3 + 1 = 4 個位置？</translation>
    </message>
    <message>
        <source>Two drawbacks of no padding</source>
        <translation>不填充的兩個缺點</translation>
    </message>
    <message>
        <source>The map is smaller than the input (4×4 from 6×6), and it shrinks again at every layer. The count on each input value says in how many windows it takes part: 1 at a corner, 9 in the middle, so the edges weigh less. Ask what would happen after ten such layers.</source>
        <translation>特徵圖比輸入小（6×6 變成 4×4），而且每經過一層就再縮小一次。每個輸入值上的數字表示它參與了幾個視窗：角落是 1，中間是 9，所以邊緣的影響比較小。問問全班：經過十層這樣的卷積之後會怎樣？</translation>
    </message>
    <message>
        <source>Zero padding: 6×6 → 8×8 → 6×6</source>
        <translation>補零填充：6×6 → 8×8 → 6×6</translation>
    </message>
    <message>
        <source>A ring of zeros around the 6×6 input makes it 8×8, and the 3×3 kernel then gives a 6×6 map, as large as the input. The padding that keeps the size is p = (f − 1)/2: 1 for a 3×3 kernel, 2 for a 5×5. Point at a corner value: it now takes part in 4 windows instead of 1.</source>
        <translation>在 6×6 的輸入外圍補一圈 0，就變成 8×8，3×3 的卷積核接著會得到 6×6 的特徵圖，和輸入一樣大。保持大小不變的填充是 p = (f − 1)/2：3×3 的卷積核是 1，5×5 的是 2。指著角落的一個值：它現在參與 4 個視窗，而不是 1 個。</translation>
    </message>
    <message>
        <source>Valid and same</source>
        <translation>valid 與 same</translation>
    </message>
    <message>
        <source>Valid means no padding: the map has n − f + 1 rows. Same means the padding that keeps the size: here one ring, and a 6×6 map. Switch Padding in the side panel between valid and same and compare the maps and the formula under them.</source>
        <translation>valid 表示不填充：特徵圖有 n − f + 1 列。same 表示保持大小不變的填充：這裡是一圈，得到 6×6 的特徵圖。在側邊面板把「填充」在 valid 和 same 之間切換，比較兩者的特徵圖和下方的公式。</translation>
    </message>
    <message>
        <source>Why kernels are odd</source>
        <translation>為什麼卷積核是奇數</translation>
    </message>
    <message>
        <source>A 2×2 kernel under same needs (2 − 1)/2 = ½ a ring of padding: one ring on one side only, here on the right and at the bottom, and the picture is no longer symmetric. It also has no centre, so no input value sits under the middle of the window. Ask the class which input cell each output value belongs to.</source>
        <translation>2×2 的卷積核在 same 下需要 (2 − 1)/2 = ½ 圈填充：只能在一側補一圈，這裡是右邊和下面，畫面因此不再對稱。它也沒有中心，所以沒有任何輸入值正好位在視窗中央。問問全班：每個輸出值屬於哪一個輸入格？</translation>
    </message>
    <message>
        <source>Stride 2: 5×5 → 2×2</source>
        <translation>步長 2：5×5 → 2×2</translation>
    </message>
    <message>
        <source>With stride 2 the window jumps two cells at a time: ⌊(5 + 0 − 3)/2⌋ + 1 = 2 positions each way, so a 2×2 map. Ask the class to predict the size before stepping (the quiz asks it first).</source>
        <translation>步長為 2 時，視窗每次跳兩格：⌊(5 + 0 − 3)/2⌋ + 1 = 2，每個方向 2 個位置，所以得到 2×2 的特徵圖。逐步演示之前，請全班先預測大小（測驗會先問這一題）。</translation>
    </message>
    <message>
        <source>When the stride does not divide: the floor</source>
        <translation>步長無法整除時：向下取整</translation>
    </message>
    <message>
        <source>On the 6×6 input, (6 + 0 − 3)/2 = 1.5 is not whole: the floor gives 1, and 1 + 1 = 2 positions. The last row and column are never reached (hatched in red): stride and padding should be chosen so that this does not happen by accident.</source>
        <translation>在 6×6 的輸入上，(6 + 0 − 3)/2 = 1.5 不是整數：向下取整得 1，1 + 1 = 2 個位置。最後一列和最後一行永遠不會被用到（以紅色斜線標示）：選擇步長和填充時，應避免無意間發生這種情況。</translation>
    </message>
    <message>
        <source>6×6×3 with a 3×3×3 kernel: one 4×4 map</source>
        <translation>6×6×3 配 3×3×3 的卷積核：一張 4×4 特徵圖</translation>
    </message>
    <message>
        <source>A colour image has three channels, and the kernel has one slice for each. Each output value adds the 27 products of all three slices: the equation shows the R, G and B sums and their total. However many channels go in, one kernel makes one map.</source>
        <translation>彩色影像有三個通道，卷積核對每個通道各有一個切片。每個輸出值是三個切片共 27 個乘積的總和：算式會顯示 R、G、B 各自的和以及總和。不論輸入有幾個通道，一個卷積核只產生一張特徵圖。</translation>
    </message>
    <message>
        <source>Several kernels: several maps</source>
        <translation>多個卷積核：多張特徵圖</translation>
    </message>
    <message>
        <source>Each kernel, with its bias, is one neuron that slides over the image and makes one map; two kernels make a 4×4×2 output. The number of kernels is the number of output channels. Ask how many parameters a layer of 64 such kernels has.</source>
        <translation>每個卷積核連同它的偏置就是一個神經元，在影像上滑動並產生一張特徵圖；兩個卷積核產生 4×4×2 的輸出。卷積核的個數就是輸出通道數。問問全班：一層有 64 個這樣的卷積核，共有多少個參數？</translation>
    </message>
    <message>
        <source>Receptive field, parameters and cost</source>
        <translation>感受野、參數與成本</translation>
    </message>
    <message>
        <source>The Costs section counts this layer: 3 kernels of 3×3×3 weights and 3 biases, 84 parameters; 27 multiply-adds per output value; the receptive field of one value, 3×3 in each of 3 channels. Compare with the fully connected count beside it. Ask how the cost grows with a 5×5 kernel.</source>
        <translation>「成本」區塊會計算這一層：3 個 3×3×3 權重的卷積核和 3 個偏置，共 84 個參數；每個輸出值 27 次乘加；一個值的感受野是 3 個通道中各 3×3。和旁邊的全連接數量比較一下。問問全班：換成 5×5 的卷積核，成本會怎麼增加？</translation>
    </message>
    <message>
        <source>Groups: AlexNet&apos;s two GPUs, ResNeXt</source>
        <translation>分組卷積：AlexNet 的兩塊 GPU、ResNeXt</translation>
    </message>
    <message>
        <source>With groups = 2, kernels 1 and 2 see channels 1 and 2 only, and kernels 3 and 4 see channels 3 and 4: half the weights and half the work. AlexNet split its layers so across two GPUs; ResNeXt uses many groups on purpose. Each kernel&apos;s title says which channels it reads.</source>
        <translation>groups = 2 時，卷積核 1 和 2 只看得到通道 1 和 2，卷積核 3 和 4 只看得到通道 3 和 4：權重和計算量都減半。AlexNet 就是這樣把各層拆到兩張 GPU 上；ResNeXt 則刻意使用很多組。每個卷積核的標題會寫出它讀取哪些通道。</translation>
    </message>
    <message>
        <source>Depthwise: one kernel per channel (MobileNet)</source>
        <translation>深度（depthwise）卷積：每個通道一個卷積核（MobileNet）</translation>
    </message>
    <message>
        <source>When groups equal the channels, every kernel sees a single channel: a depthwise convolution, as in MobileNet. It filters each channel alone and mixes none; a 1×1 convolution after it mixes them (next lesson).</source>
        <translation>當分組數等於通道數時，每個卷積核只看得到一個通道：這就是深度（depthwise）卷積，MobileNet 就是這樣做。它對每個通道各自濾波，完全不混合；之後再接一個 1×1 卷積把通道混合起來（下一課）。</translation>
    </message>
    <message>
        <source>1×1 convolution: mixing channels</source>
        <translation>1×1 卷積：混合通道</translation>
    </message>
    <message>
        <source>A 1×1 kernel looks at one pixel, across all channels: here 0.299 R + 0.587 G + 0.114 B turns colour into grey, and R − G takes a difference. 1×1 convolutions change the number of channels cheaply, as in a bottleneck.</source>
        <translation>1×1 的卷積核只看一個像素，但橫跨所有通道：這裡 0.299 R + 0.587 G + 0.114 B 把彩色變成灰階，R − G 則取兩者的差。1×1 卷積能以很低的成本改變通道數，例如瓶頸（bottleneck）結構。</translation>
    </message>
    <message>
        <source>Dilation: a 3×3 kernel that spans 5×5</source>
        <translation>膨脹：涵蓋 5×5 的 3×3 卷積核</translation>
    </message>
    <message>
        <source>With dilation 2 the kernel&apos;s weights are one cell apart: the window covers 5×5 cells with 9 weights. The receptive field grows without more parameters. The formula uses the dilated size, d·(f − 1) + 1.</source>
        <translation>膨脹為 2 時，卷積核的權重之間相隔一格：視窗用 9 個權重涵蓋 5×5 個格子。感受野變大了，參數卻沒有增加。公式使用膨脹後的大小 d·(f − 1) + 1。</translation>
    </message>
    <message>
        <source>torch.nn.Conv2d and its arguments</source>
        <translation>torch.nn.Conv2d 與它的引數</translation>
    </message>
    <message>
        <source>This layer is torch.nn.Conv2d(in_channels=1, out_channels=2, kernel_size=3, stride=2, padding=1, bias=True); the PyTorch section of the side panel writes the call for whatever the window shows. Change a setting and watch which argument changes: every setting of this lesson has its name there.</source>
        <translation>這一層就是 torch.nn.Conv2d(in_channels=1, out_channels=2, kernel_size=3, stride=2, padding=1, bias=True)；側邊面板的 PyTorch 區塊會依照畫面上目前的內容寫出這個呼叫。改變一項設定，看看哪個引數跟著改變：這一課的每項設定在那裡都有對應的名稱。</translation>
    </message>
    <message>
        <source>Two 3×3 convolutions see 5×5</source>
        <translation>兩層 3×3 卷積看見 5×5</translation>
    </message>
    <message>
        <source>Every map is computed when the lesson opens: point at a cell of the last map, and its 3×3 window lights in the middle map and a 5×5 patch in the 7×7 input. The receptive field grows by r = r_prev + (k − 1)·d·j_prev: r = 1 + (3 − 1)·1·1 = 3 after the first convolution, then r = 3 + (3 − 1)·1·1 = 5. One 5×5 kernel would also turn 7×7 into 3×3 and see as much, with 25 weights; the two 3×3 kernels have 2·9 = 18. Ask what a third 3×3 layer would see.</source>
        <translation>開啟本課時每張特徵圖都已算好：指向最後一張特徵圖的一格，它在中間特徵圖上的 3×3 視窗和 7×7 輸入上的 5×5 區塊就會亮起。感受野依 r = r_prev + (k − 1)·d·j_prev 增長：第一層卷積後 r = 1 + (3 − 1)·1·1 = 3，第二層之後 r = 3 + (3 − 1)·1·1 = 5。一個 5×5 的卷積核同樣能把 7×7 變成 3×3、看見一樣大的範圍，但需要 25 個權重；兩個 3×3 卷積核只有 2·9 = 18 個。問問全班：再加第三層 3×3 卷積會看見多大？</translation>
    </message>
    <message>
        <source>Three 3×3 convolutions see 7×7</source>
        <translation>三層 3×3 卷積看見 7×7</translation>
    </message>
    <message>
        <source>A third 3×3 convolution makes the receptive field r = 5 + (3 − 1)·1·1 = 7: the one value of the last map depends on the whole 7×7 input. One 7×7 kernel would see as much with 49 weights; three 3×3 kernels have 3·9 = 27, and VGG stacks 3×3 layers for this reason. Point at the last value, then at a cell of each earlier map: one of the 3×3 map sees 5×5 of the input, one of the 5×5 map 3×3. Ask how many 3×3 layers it takes to see 11×11.</source>
        <translation>第三層 3×3 卷積讓感受野變成 r = 5 + (3 − 1)·1·1 = 7：最後一張特徵圖唯一的值取決於整個 7×7 輸入。一個 7×7 的卷積核要 49 個權重才看得到這麼大；三個 3×3 卷積核只有 3·9 = 27 個，VGG 正是因此堆疊 3×3 的卷積層。先指向最後這個值，再指向前面每張特徵圖的一格：3×3 特徵圖的一格看見輸入的 5×5，5×5 特徵圖的一格看見 3×3。問問全班：要幾層 3×3 卷積才能看見 11×11？</translation>
    </message>
    <message>
        <source>ReLU after a convolution</source>
        <translation>卷積之後的 ReLU</translation>
    </message>
    <message>
        <source>The kernel adds each window&apos;s left column and subtracts its right one, so many values are negative: 18 + 55 + 35 − 51 − 75 − 204 = −222. ReLU keeps a positive value and turns a negative one into 0: ReLU(−222) = 0, ReLU(154) = 154, and ReLU(−13) = 0 as well. The lesson opens with the convolution done: step on through the ReLU and watch 12 of the 16 values become 0. ReLU has no weights, and the map stays 4×4.</source>
        <translation>卷積核把每個視窗左邊一行加起來，再減去右邊一行，所以許多值是負的：18 + 55 + 35 − 51 − 75 − 204 = −222。ReLU 保留正值，把負值變成 0：ReLU(−222) = 0，ReLU(154) = 154，ReLU(−13) = 0 也一樣。本課開啟時卷積已經算完：繼續逐步走過 ReLU，看 16 個值中有 12 個變成 0。ReLU 沒有權重，特徵圖仍是 4×4。</translation>
    </message>
    <message>
        <source>Max pooling 2×2, stride 2: half the size</source>
        <translation>最大池化 2×2、步長 2：尺寸減半</translation>
    </message>
    <message>
        <source>Max pooling keeps the largest value of each 2×2 window; with stride 2 the windows do not overlap, and the 4×4 map becomes 2×2, half as many rows and columns. The first window gives max(429, 505, 261, 792) = 792: 792 is the winner, and in training the gradient of this output goes back to it alone. Pooling has no weights, nothing to learn. A pooled value sees 4×4 of the input (r = 3 + (2 − 1)·1·1 = 4), and its neighbours are 2 input pixels apart (j = 1·2 = 2). The lesson opens with the convolution done: ask for each window&apos;s winner before each step.</source>
        <translation>最大池化保留每個 2×2 視窗中最大的值；步長為 2 時視窗互不重疊，4×4 的特徵圖變成 2×2，列數和行數都減半。第一個視窗得到 max(429, 505, 261, 792) = 792：792 是勝出者，訓練時這個輸出的梯度只會傳回給它。池化沒有權重，沒有東西要學。池化後的一個值看見輸入的 4×4（r = 3 + (2 − 1)·1·1 = 4），相鄰的值在輸入上相隔 2 個像素（j = 1·2 = 2）。本課開啟時卷積已經算完：每一步之前，先問全班這個視窗的勝出者是哪一個。</translation>
    </message>
    <message>
        <source>Average pooling: what the divisor counts</source>
        <translation>平均池化：除數算的是什麼</translation>
    </message>
    <message>
        <source>Average pooling gives each window&apos;s mean: (792 + 412 + 653 + 851) / 4 = 677 in the middle. Here one ring of padding around the 4×4 map lets 2×2 windows at stride 2 make a 3×3 map. With count_include_pad=False the divisor counts only the map&apos;s values: a corner window holds one, 429 / 1 = 429, and an edge window two, (505 + 686) / 2 = 595.5. With count_include_pad=True, torch&apos;s default, the padding&apos;s zeros would count: (429 + 0 + 0 + 0) / 4 = 107.25. Ask which choice gives the border smaller values, and why.</source>
        <translation>平均池化給出每個視窗的平均值：中間的是 (792 + 412 + 653 + 851) / 4 = 677。這裡在 4×4 特徵圖外圍填充一圈，步長 2 的 2×2 視窗就得到 3×3 的特徵圖。count_include_pad=False 時，除數只算特徵圖上的值：角落的視窗只有一個，429 / 1 = 429；邊上的視窗有兩個，(505 + 686) / 2 = 595.5。若 count_include_pad=True（torch 的預設），填充的 0 也會算進去：(429 + 0 + 0 + 0) / 4 = 107.25。問問全班：哪一種選擇會讓邊緣的值變小？為什麼？</translation>
    </message>
    <message>
        <source>A small CNN: convolution, ReLU, pooling, convolution</source>
        <translation>小型 CNN：卷積、ReLU、池化、卷積</translation>
    </message>
    <message>
        <source>A 3×3 convolution, ReLU, 2×2 max pooling and another 3×3 convolution turn the 8×8 picture of a T into maps of 6×6, 6×6, 3×3 and 1×1. The receptive field is 3 after the first convolution and still 3 after ReLU, then r = 3 + (2 − 1)·1·1 = 4 after pooling, where the jump becomes 2, and r = 4 + (3 − 1)·1·2 = 8 at the end. So the last value depends on all 8·8 = 64 input values, though the network has only 2·9 = 18 weights and no kernel larger than 3×3. Point at it, then at a cell of the pooled map, which sees 4×4 of the input. Ask why the second convolution sees so much further than the first.</source>
        <translation>3×3 卷積、ReLU、2×2 最大池化，再接一層 3×3 卷積，把 T 字形的 8×8 圖片依序變成 6×6、6×6、3×3 和 1×1 的特徵圖。感受野在第一層卷積後是 3，經過 ReLU 仍是 3，池化後 r = 3 + (2 − 1)·1·1 = 4，此時間距 j 變成 2，最後 r = 4 + (3 − 1)·1·2 = 8。所以最後的值取決於全部 8·8 = 64 個輸入值，雖然整個網路只有 2·9 = 18 個權重，卷積核也都不大於 3×3。指向這個值，再指向池化後特徵圖的一格：它看見輸入的 4×4。問問全班：為什麼第二層卷積看得比第一層遠得多？</translation>
    </message>
    <message>
        <source>Transposed convolution: 2×2 → 4×4</source>
        <translation>轉置卷積：2×2 → 4×4</translation>
    </message>
    <message>
        <source>A transposed convolution adds each input value times the whole kernel into the output: the value 2 puts 2 × (1, 2, 3, 4) = (2, 4, 6, 8) into the top right 2×2 block. At stride 2 the next value&apos;s block starts 2 cells further on, and a 2×2 kernel fills exactly that gap: no two blocks overlap, and every output cell gets 1 contribution. The output size is (2 − 1)·2 − 2·0 + 1·(2 − 1) + 0 + 1 = 4, by (H − 1)·s − 2p + d·(k − 1) + output_padding + 1, so the 2×2 input becomes 4×4. Its kernel is learned as a convolution&apos;s is: the network learns how to upsample. Ask what the output would be with a kernel of ones.</source>
        <translation>轉置卷積把每個輸入值乘上整個卷積核，加進輸出：值 2 把 2 × (1, 2, 3, 4) = (2, 4, 6, 8) 放進右上角的 2×2 區塊。步長為 2 時，下一個值的區塊往後移 2 格，而 2×2 的卷積核正好填滿這段間隔：區塊互不重疊，每個輸出格子都只得到 1 份貢獻。輸出大小是 (2 − 1)·2 − 2·0 + 1·(2 − 1) + 0 + 1 = 4，依照 (H − 1)·s − 2p + d·(k − 1) + output_padding + 1，所以 2×2 的輸入變成 4×4。它的卷積核和卷積的一樣是學出來的：網路學會如何上採樣。問問全班：如果卷積核全是 1，輸出會是什麼？</translation>
    </message>
    <message>
        <source>Overlap and the checkerboard: kernel 3×3, stride 2</source>
        <translation>重疊與棋盤格：卷積核 3×3、步長 2</translation>
    </message>
    <message>
        <source>Step through the nine 1s of the input: each adds the 3×3 kernel of ones into a 3×3 block, and at stride 2 neighbouring blocks share a row or a column. The counts say how many blocks reached each cell, 1, 2 or 4 in a grid pattern, and as every value and weight is 1 the output is those counts: a flat input comes out as a checkerboard. Odena, Dumoulin and Olah show such checkerboard artifacts in generated images (“Deconvolution and Checkerboard Artifacts”, Distill, 2016): they come from uneven overlap, when the kernel size is not divisible by the stride. With a 4×4 kernel at stride 2 every inner cell gets 2·2 = 4 contributions, evenly. Ask which kernel sizes overlap evenly at stride 3.</source>
        <translation>逐步走過輸入的九個 1：每一個都把全是 1 的 3×3 卷積核加進一個 3×3 區塊，而步長為 2 時，相鄰的區塊共用一列或一行。計數顯示每個格子被幾個區塊碰到：1、2 或 4，排成格狀；因為每個值和權重都是 1，輸出就是這些計數：平坦的輸入變成了棋盤格。Odena、Dumoulin 和 Olah 在生成的影像中展示了這種棋盤格偽影（“Deconvolution and Checkerboard Artifacts”，Distill，2016）：它們來自不均勻的重疊，也就是卷積核大小不能被步長整除的時候。用 4×4 的卷積核、步長 2，每個內部格子都得到 2·2 = 4 份貢獻，很均勻。問問全班：步長為 3 時，哪些卷積核大小會均勻重疊？</translation>
    </message>
    <message>
        <source>A convolution and its transpose as matrices</source>
        <translation>以矩陣看卷積與它的轉置</translation>
    </message>
    <message>
        <source>A convolution is a matrix M times the input&apos;s 16 values in a column: here M is 4×16, one row per output value, holding the 9 weights of its window and 7 zeros. The transposed convolution with the same kernel multiplies by Mᵀ, 16×4: each of its 4 input values is spread along one column of Mᵀ, so 21 goes back into a 3×3 block as 21 × (1, 2, 1, 2, 4, 2, 1, 2, 1). Open View ▸ As a matrix on each layer and compare: the second matrix is the first turned over, rows into columns. The 2×2 map comes back to 4×4 but not to the input, because Mᵀ·M is not the identity. Ask why no 4×16 matrix can be undone.</source>
        <translation>卷積就是一個矩陣 M 乘上排成一行的 16 個輸入值：這裡 M 是 4×16，每個輸出值一列，列裡是它的視窗的 9 個權重和 7 個 0。用同一個卷積核的轉置卷積乘的是 Mᵀ，16×4：它的 4 個輸入值各沿著 Mᵀ 的一行散開，所以 21 以 21 × (1, 2, 1, 2, 4, 2, 1, 2, 1) 回到一個 3×3 區塊。在每一層打開「檢視 ▸ 矩陣形式」比較看看：第二個矩陣就是第一個翻過來，列變成行。2×2 的特徵圖回到 4×4，卻回不到原來的輸入，因為 Mᵀ·M 不是單位矩陣。問問全班：為什麼沒有任何 4×16 的矩陣能被還原？</translation>
    </message>
    <message>
        <source>Stride 2 down and up: the size comes back, not the values</source>
        <translation>步長 2 下、步長 2 上：回來的是大小，不是數值</translation>
    </message>
    <message>
        <source>The convolution adds each 2×2 block at stride 2, and 4×4 becomes 2×2: the first block gives 1 + 2 + 5 + 6 = 14. The transposed convolution at stride 2, with a kernel of ones, puts each value back into a 2×2 block: 4×4 again, (2 − 1)·2 − 2·0 + 1·(2 − 1) + 0 + 1 = 4. But the block holds 14, 14, 14, 14, not 1, 2, 5, 6: four numbers went into one sum, and no kernel can tell them apart again. A transposed convolution is not a deconvolution: it undoes the shape of a convolution, never its values. Ask what the block would hold with the kernel ¼ in the convolution.</source>
        <translation>卷積以步長 2 把每個 2×2 區塊加起來，4×4 變成 2×2：第一個區塊得到 1 + 2 + 5 + 6 = 14。步長 2、卷積核全是 1 的轉置卷積，把每個值放回一個 2×2 區塊：又是 4×4，(2 − 1)·2 − 2·0 + 1·(2 − 1) + 0 + 1 = 4。但這個區塊裝的是 14, 14, 14, 14，不是 1, 2, 5, 6：四個數進了同一個和，沒有任何卷積核能再把它們分開。轉置卷積不是反卷積：它還原的是卷積的形狀，從來不是它的數值。問問全班：如果卷積的卷積核是 ¼，這個區塊會裝什麼？</translation>
    </message>
    <message>
        <source>Learn the kernel: which kernel made this map?</source>
        <translation>學出卷積核：是哪個卷積核產生了這張特徵圖？</translation>
    </message>
    <message>
        <source>The target is the worked example&apos;s map (429, 505, …) and the kernel is all zeros, so the loss L = mean((Y − T)²) starts at 448 479.875. Open Training (T) and press Play: 300 steps of gradient descent at η = 0.000005 bring the loss below 0.02, and the kernel becomes the X, 1 0 1 / 0 1 0 / 1 0 1, each weight within 0.002. Every step moves each weight against its gradient ∂L/∂W, the sum over the 16 positions of ∂L/∂Y times the input value that weight met there. Ask why the kernel is found although nobody typed it in.</source>
        <translation>目標是範例的特徵圖（429, 505, …），卷積核全為 0，所以損失 L = mean((Y − T)²) 從 448 479.875 開始。打開「訓練」(T) 並按播放：以 η = 0.000005 做 300 步梯度下降，損失降到 0.02 以下，卷積核變成 X 形 1 0 1 / 0 1 0 / 1 0 1，每個權重的誤差都在 0.002 以內。每一步都讓每個權重朝其梯度 ∂L/∂W 的反方向移動；∂L/∂W 是 16 個位置上 ∂L/∂Y 乘以該權重在那裡遇到的輸入值之總和。問問學生：沒有人輸入卷積核，為什麼它還是被找出來了？</translation>
    </message>
    <message>
        <source>Learn an edge kernel from a photo</source>
        <translation>從照片學出邊緣卷積核</translation>
    </message>
    <message>
        <source>The input is an 8×8 patch of a photograph (scikit-image&apos;s “camera”, CC0, by Lav Varshney) where dark meets light, and the target is what the Sobel kernel 1 0 −1 / 2 0 −2 / 1 0 −1 makes of it, strongest at the edge: −695. The kernel starts at zero and the loss at 101 066.528. Play 1000 steps at η = 0.00001: the loss falls below 0.1 and the kernel becomes the Sobel kernel, each weight within 0.02. Ask what the kernel would have learned from a target made with the Sobel kernel turned a quarter turn.</source>
        <translation>輸入是一張照片中暗處與亮處相接的 8×8 區塊（scikit-image 的 “camera”，CC0，攝影：Lav Varshney），目標是 Sobel 卷積核 1 0 −1 / 2 0 −2 / 1 0 −1 對它算出的特徵圖，在邊緣處最強：−695。卷積核從 0 開始，損失從 101 066.528 開始。以 η = 0.00001 播放 1000 步：損失降到 0.1 以下，卷積核變成 Sobel 卷積核，每個權重的誤差都在 0.02 以內。問問學生：如果目標是用轉了四分之一圈的 Sobel 卷積核做出來的，會學到什麼卷積核？</translation>
    </message>
    <message>
        <source>A learning rate too large: the loss explodes</source>
        <translation>學習率太大：損失爆炸</translation>
    </message>
    <message>
        <source>The same problem as “Learn the kernel”, at η = 0.00001, twice the rate that worked. The first step overshoots, and the loss grows about five times a step: 448 479.875, 2 161 260.848, 10 607 563.207. Press Play: at step 36 a weight would pass ±10¹², the largest number the window holds, so the run stops, says so and keeps the weights after step 35; Reset brings the zeros back. Gradient descent settles only while η is below 2 divided by the loss&apos;s steepest curvature, here about 0.0000062.</source>
        <translation>和「學出卷積核」同一個問題，但 η = 0.00001，是先前有效學習率的兩倍。第一步就衝過頭，損失每一步約變成五倍：448 479.875、2 161 260.848、10 607 563.207。按播放：到第 36 步時有權重會超過 ±10¹²，這是視窗能容納的最大數，於是訓練停止、說明原因，並保留第 35 步之後的權重；按「重設」可回到全 0。只有當 η 小於 2 除以損失最陡的曲率時，梯度下降才會收斂，這裡約為 0.0000062。</translation>
    </message>
    <message>
        <source>A gradient through max pooling and ReLU</source>
        <translation>梯度穿過最大池化和 ReLU</translation>
    </message>
    <message>
        <source>The kernel subtracts each window&apos;s right column from its left one; max pooling keeps each 2×2 block&apos;s largest value, −127, 154, −76 and 321, and ReLU makes the negative ones 0. The target asks for 100 in all four: L = (100² + 54² + 100² + 221²) / 4 = 17 939.25, and ∂L/∂Y = 2(Y − T)/4 gives −50, 27, −50 and 110.5. The lesson opens where the backward pass begins: step on, and ReLU stops both −50s, because what it received was negative, while max pooling sends 27 to the 154 alone and 110.5 to the 321 alone, so 14 of the 16 cells get 0 and ∂L/∂W is the sum of two windows, 27 × 75 + 110.5 × 204 = 24 567 for the first weight. Play 200 steps at η = 0.000005: the loss stops at 5 000 = (100² + 0 + 100² + 0) / 4, since the left blocks never send anything back. Ask why their error, as large as the others&apos;, teaches the kernel nothing, and what a leaky ReLU would change.</source>
        <translation>卷積核把每個視窗的左邊一行減去右邊一行；最大池化保留每個 2×2 區塊的最大值 −127、154、−76 和 321，ReLU 再把負值變成 0。目標要求四個值都是 100：L = (100² + 54² + 100² + 221²) / 4 = 17 939.25，∂L/∂Y = 2(Y − T)/4 得到 −50、27、−50 和 110.5。本課一開啟就停在反向傳播的起點：往下逐步走，ReLU 擋下兩個 −50，因為它在前向傳播時收到的值是負的；最大池化則把 27 只送給 154，把 110.5 只送給 321，所以 16 個格子中有 14 個得到 0，∂L/∂W 只是兩個視窗的和，第一個權重的梯度是 27 × 75 + 110.5 × 204 = 24 567。以 η = 0.000005 播放 200 步：損失停在 5 000 = (100² + 0 + 100² + 0) / 4，因為左邊的區塊從不傳回任何東西。請問：它們的誤差和其他的一樣大，為什麼卻教不了卷積核任何東西？改用 leaky ReLU 會有什麼不同？</translation>
    </message>
    <message>
        <source>The lesson list {0} cannot be read: {1}</source>
        <translation>無法讀取課程清單 {0}：{1}</translation>
    </message>
    <message>
        <source>{0} is not a ConvStudio lesson list.</source>
        <translation>{0} 不是 ConvStudio 課程清單。</translation>
    </message>
    <message>
        <source>{0} has version {1}, not 1.</source>
        <translation>{0} 的版本是 {1}，不是 1。</translation>
    </message>
    <message>
        <source>{0} lists no lessons.</source>
        <translation>{0} 裡沒有任何課程。</translation>
    </message>
    <message>
        <source>{0} names a lesson twice.</source>
        <translation>{0} 中有課程名稱重複出現。</translation>
    </message>
    <message>
        <source>lesson {0} is not an object.</source>
        <translation>第 {0} 課不是物件。</translation>
    </message>
    <message>
        <source>lesson {0} has no {1}.</source>
        <translation>第 {0} 課缺少「{1}」。</translation>
    </message>
    <message>
        <source>lesson {0}: step must be a whole number ≥ 0.</source>
        <translation>第 {0} 課：step 必須是 ≥ 0 的整數。</translation>
    </message>
    <message>
        <source>lesson {0}: window_counts must be true or false.</source>
        <translation>第 {0} 課：window_counts 必須是 true 或 false。</translation>
    </message>
    <message>
        <source>lesson {0}: learning_rate must be a number &gt; 0.</source>
        <translation>第 {0} 課：learning_rate 必須是大於 0 的數。</translation>
    </message>
    <message>
        <source>lesson {0}: training_steps must be a whole number ≥ 1.</source>
        <translation>第 {0} 課：training_steps 必須是 ≥ 1 的整數。</translation>
    </message>
    <message>
        <source>lesson {0}: backward must be true or false.</source>
        <translation>第 {0} 課：backward 必須是 true 或 false。</translation>
    </message>
</context>
<context>
    <name>Library</name>
    <message>
        <source>{0} cannot be read</source>
        <translation>無法讀取 {0}</translation>
    </message>
    <message>
        <source>Your saved kernels cannot be read: {0}. Only the built-in ones are listed.</source>
        <translation>無法讀取你儲存的卷積核：{0}。只顯示內建的卷積核。</translation>
    </message>
    <message>
        <source>Your saved kernels could not be read: {0} It could not be set aside ({1}), and is left as it is.</source>
        <translation>無法讀取你儲存的卷積核：{0}該檔案也無法移到一旁（{1}），因此維持原狀。</translation>
    </message>
    <message>
        <source>Your kernel file {0} could not be read: {1} It could not be set aside ({2}), and is left as it is.</source>
        <translation>無法讀取你的卷積核檔案 {0}：{1}該檔案也無法移到一旁（{2}），因此維持原狀。</translation>
    </message>
    <message>
        <source>Your saved kernels could not be read: {0} It was kept as {1}, and the others are listed.</source>
        <translation>無法讀取你儲存的卷積核：{0}該檔案已另存為 {1}，其他卷積核照常顯示。</translation>
    </message>
    <message>
        <source>Your kernel file {0} could not be read: {1} It was kept as {2}, and the others are listed.</source>
        <translation>無法讀取你的卷積核檔案 {0}：{1}該檔案已另存為 {2}，其他卷積核照常顯示。</translation>
    </message>
    <message>
        <source>Your saved kernels in {0} could not be moved into the folder {1} ({2}). They are still listed, and {0} is unchanged.</source>
        <translation>你儲存在 {0} 中的卷積核無法移到資料夾 {1}（{2}）。它們仍會顯示在清單中，{0} 也沒有變動。</translation>
    </message>
    <message>
        <source>A kernel needs a name. Nothing was saved.</source>
        <translation>卷積核需要名稱。沒有儲存任何內容。</translation>
    </message>
    <message>
        <source>A kernel needs a name. Nothing was renamed.</source>
        <translation>卷積核需要名稱。沒有重新命名任何卷積核。</translation>
    </message>
    <message>
        <source>This name holds characters that cannot be saved. Nothing was saved.</source>
        <translation>這個名稱含有無法儲存的字元。沒有儲存任何內容。</translation>
    </message>
    <message>
        <source>This name holds characters that cannot be saved. Nothing was renamed.</source>
        <translation>這個名稱含有無法儲存的字元。沒有重新命名任何卷積核。</translation>
    </message>
    <message>
        <source>“{0}” is longer than {1} characters: choose a shorter name. Nothing was saved.</source>
        <translation>「{0}」超過 {1} 個字元：請選擇較短的名稱。沒有儲存任何內容。</translation>
    </message>
    <message>
        <source>“{0}” is longer than {1} characters: choose a shorter name. Nothing was renamed.</source>
        <translation>「{0}」超過 {1} 個字元：請選擇較短的名稱。沒有重新命名任何卷積核。</translation>
    </message>
    <message>
        <source>“{0}” is the name of a built-in kernel: choose another name. Nothing was saved.</source>
        <translation>「{0}」是內建卷積核的名稱：請選擇其他名稱。沒有儲存任何內容。</translation>
    </message>
    <message>
        <source>“{0}” is the name of a built-in kernel: choose another name. Nothing was renamed.</source>
        <translation>「{0}」是內建卷積核的名稱：請選擇其他名稱。沒有重新命名任何卷積核。</translation>
    </message>
    <message>
        <source>You already have a kernel called “{0}”. Nothing was renamed.</source>
        <translation>你已經有名為「{0}」的卷積核。沒有重新命名任何卷積核。</translation>
    </message>
    <message>
        <source>A kernel called “{0}” was saved since it was deleted, so it was not brought back.</source>
        <translation>刪除之後，又有名為「{0}」的卷積核被儲存，所以沒有把原本的找回來。</translation>
    </message>
    <message>
        <source>There is no kernel called “{0}” any more.</source>
        <translation>已經沒有名為「{0}」的卷積核了。</translation>
    </message>
    <message>
        <source>“{0}” is still kept in the older {1}, so it cannot be renamed until it has been moved into the library folder (at the next start).</source>
        <translation>「{0}」仍存放在舊的 {1} 中，要等它移到卷積核資料夾之後（下次啟動時）才能重新命名。</translation>
    </message>
    <message>
        <source>“{0}” is still kept in the older {1}, so it cannot be deleted until it has been moved into the library folder (at the next start).</source>
        <translation>「{0}」仍存放在舊的 {1} 中，要等它移到卷積核資料夾之後（下次啟動時）才能刪除。</translation>
    </message>
</context>
<context>
    <name>LibraryDialog</name>
    <message>
        <source>Your kernels</source>
        <translation>你的卷積核</translation>
    </message>
    <message>
        <source>&amp;Use</source>
        <translation>使用(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>重新命名(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>刪除(&amp;D)</translation>
    </message>
    <message>
        <source>U&amp;ndo delete</source>
        <translation>復原刪除(&amp;N)</translation>
    </message>
    <message>
        <source>Show the &amp;folder</source>
        <translation>顯示資料夾(&amp;F)</translation>
    </message>
    <message>
        <source>Open the folder of your kernel files, to copy or share them</source>
        <translation>開啟存放你卷積核檔案的資料夾，以便複製或分享</translation>
    </message>
    <message>
        <source>Kept in {0}</source>
        <translation>存放於 {0}</translation>
    </message>
    <message>
        <source>Still kept in the older kernels.json: it can be used, and can be renamed or deleted once it has been moved into the folder.</source>
        <translation>仍存放在舊的 kernels.json 中：可以使用，但要移到資料夾之後才能重新命名或刪除。</translation>
    </message>
    <message>
        <source>You have no kernels of your own yet: “Save…” beside the presets keeps the kernel in the editor here.</source>
        <translation>你還沒有自己的卷積核：預設旁邊的「儲存…」會把編輯區中的卷積核保存到這裡。</translation>
    </message>
    <message>
        <source>Bring back “{0}”</source>
        <translation>找回「{0}」</translation>
    </message>
    <message>
        <source>Rename kernel</source>
        <translation>重新命名卷積核</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>新名稱：</translation>
    </message>
    <message>
        <source>Could not rename “{0}”: {1}. It keeps its name.</source>
        <translation>無法重新命名「{0}」：{1}。名稱維持不變。</translation>
    </message>
    <message>
        <source>“{0}” is now called “{1}”.</source>
        <translation>「{0}」已改名為「{1}」。</translation>
    </message>
    <message>
        <source>Could not delete “{0}”: {1}.</source>
        <translation>無法刪除「{0}」：{1}。</translation>
    </message>
    <message>
        <source>“{0}” was deleted. Undo delete (Ctrl+Z) brings it back.</source>
        <translation>已刪除「{0}」。復原刪除（Ctrl+Z）可以把它找回來。</translation>
    </message>
    <message>
        <source>Could not bring back “{0}”: {1}.</source>
        <translation>無法找回「{0}」：{1}。</translation>
    </message>
    <message>
        <source>“{0}” is back.</source>
        <translation>「{0}」已找回。</translation>
    </message>
    <message>
        <source>Could not make the folder {0}: {1}.</source>
        <translation>無法建立資料夾 {0}：{1}。</translation>
    </message>
    <message>
        <source>No file manager could be opened. Your kernels are in {0}.</source>
        <translation>無法開啟任何檔案管理員。你的卷積核在 {0}。</translation>
    </message>
</context>
<context>
    <name>Limits</name>
    <message>
        <source>an input of {0} to {1} rows and columns</source>
        <translation>列數與行數為 {0} 到 {1} 的輸入</translation>
    </message>
    <message>
        <source>a kernel of {0} to {1} rows and columns</source>
        <translation>列數與行數為 {0} 到 {1} 的卷積核</translation>
    </message>
    <message>
        <source>{0} to {1} input channels</source>
        <translation>{0} 到 {1} 個輸入通道</translation>
    </message>
    <message>
        <source>{0} to {1} kernels</source>
        <translation>{0} 到 {1} 個卷積核</translation>
    </message>
    <message>
        <source>{0} to {1} groups</source>
        <translation>{0} 到 {1} 個分組</translation>
    </message>
    <message>
        <source>{0} to {1} rings of padding</source>
        <translation>{0} 到 {1} 圈填充</translation>
    </message>
    <message>
        <source>a stride of {0} to {1}</source>
        <translation>{0} 到 {1} 的步長</translation>
    </message>
    <message>
        <source>a dilation of {0} to {1}</source>
        <translation>{0} 到 {1} 的膨脹</translation>
    </message>
    <message>
        <source>an output padding of {0} to {1}</source>
        <translation>{0} 到 {1} 的輸出填充</translation>
    </message>
    <message>
        <source>a pooling window of {0} to {1} rows and columns</source>
        <translation>列數與行數為 {0} 到 {1} 的池化視窗</translation>
    </message>
    <message>
        <source>{0}; the window takes {1}.</source>
        <extracomment>{0} is &quot;There are 7 layers&quot;, {1} the range (&quot;1 to 6 layers&quot;).</extracomment>
        <translation>{0}；視窗只能處理{1}。</translation>
    </message>
    <message>
        <source>{0} to {1} layers</source>
        <translation>{0} 到 {1} 層</translation>
    </message>
    <message>
        <source>{0}; the window takes {1}. (“{2}” takes larger scenes.)</source>
        <extracomment>{0} is what the scene has (&quot;The input has 5 channels&quot;), {1} the range (&quot;1 to 4 input channels&quot;), {2} the command convstudio compute.</extracomment>
        <translation>{0}；視窗只能處理{1}。（「{2}」可以處理更大的場景。）</translation>
    </message>
    <message>
        <source>There are {0} layers</source>
        <translation>有 {0} 層</translation>
    </message>
    <message>
        <source>The input has {0} channels</source>
        <translation>輸入有 {0} 個通道</translation>
    </message>
    <message>
        <source>There are {0} kernels</source>
        <translation>有 {0} 個卷積核</translation>
    </message>
    <message>
        <source>The groups are {0}</source>
        <translation>分組數是 {0}</translation>
    </message>
    <message>
        <source>The input is {0}×{1}</source>
        <translation>輸入是 {0}×{1}</translation>
    </message>
    <message>
        <source>The kernel is {0}×{1}</source>
        <translation>卷積核是 {0}×{1}</translation>
    </message>
    <message>
        <source>The pooling window is {0}×{1}</source>
        <translation>池化視窗是 {0}×{1}</translation>
    </message>
    <message>
        <source>The stride is {0}</source>
        <translation>步長是 {0}</translation>
    </message>
    <message>
        <source>The dilation is {0}</source>
        <translation>膨脹是 {0}</translation>
    </message>
    <message>
        <source>The padding is {0}</source>
        <translation>填充是 {0}</translation>
    </message>
    <message>
        <source>The output padding is {0}</source>
        <translation>輸出填充是 {0}</translation>
    </message>
    <message>
        <source>Some input are not finite numbers within {0}; a scene holds only numbers that can be saved and read back.</source>
        <translation>有些輸入值不是 {0} 範圍內的有限數字；場景只能存放可以儲存後再讀回的數字。</translation>
    </message>
    <message>
        <source>Some weights are not finite numbers within {0}; a scene holds only numbers that can be saved and read back.</source>
        <translation>有些權重不是 {0} 範圍內的有限數字；場景只能存放可以儲存後再讀回的數字。</translation>
    </message>
    <message>
        <source>Some biases are not finite numbers within {0}; a scene holds only numbers that can be saved and read back.</source>
        <translation>有些偏置不是 {0} 範圍內的有限數字；場景只能存放可以儲存後再讀回的數字。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>ConvStudio scenes (*.json);;All files (*)</source>
        <translation>ConvStudio 場景 (*.json);;所有檔案 (*)</translation>
    </message>
    <message>
        <source>ConvStudio kernels (*.json);;All files (*)</source>
        <translation>ConvStudio 卷積核 (*.json);;所有檔案 (*)</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>訓練</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>檔案(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open scene…</source>
        <translation>開啟場景(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;image…</source>
        <translation>開啟影像(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Save scene</source>
        <translation>儲存場景(&amp;S)</translation>
    </message>
    <message>
        <source>Save scene &amp;as…</source>
        <translation>場景另存新檔(&amp;A)…</translation>
    </message>
    <message>
        <source>Import &amp;kernel…</source>
        <translation>匯入卷積核(&amp;K)…</translation>
    </message>
    <message>
        <source>E&amp;xport kernel…</source>
        <translation>匯出卷積核(&amp;X)…</translation>
    </message>
    <message>
        <source>&amp;Your kernels…</source>
        <translation>你的卷積核(&amp;Y)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>結束(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Lessons</source>
        <translation>課程(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Next lesson</source>
        <translation>下一課(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Previous lesson</source>
        <translation>上一課(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>編輯(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>復原(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Step</source>
        <translation>步驟(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Play / pause</source>
        <translation>播放 / 暫停(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Next step</source>
        <translation>下一步(&amp;N)</translation>
    </message>
    <message>
        <source>P&amp;revious step</source>
        <translation>上一步(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;First step</source>
        <translation>第一步(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Last step</source>
        <translation>最後一步(&amp;L)</translation>
    </message>
    <message>
        <source>Next la&amp;yer</source>
        <translation>下一層(&amp;Y)</translation>
    </message>
    <message>
        <source>Previous lay&amp;er</source>
        <translation>上一層(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>檢視(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Side panel</source>
        <translation>側邊面板(&amp;S)</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>縮小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Actual size</source>
        <translation>實際大小(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Full screen</source>
        <translation>全螢幕(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Heat maps</source>
        <translation>熱圖(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Window counts</source>
        <translation>視窗計數(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Training</source>
        <translation>訓練(&amp;T)</translation>
    </message>
    <message>
        <source>Step through the &amp;backward pass</source>
        <translation>逐步走過反向傳播(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Quiz</source>
        <translation>測驗(&amp;Q)</translation>
    </message>
    <message>
        <source>Step the transposed convolution b&amp;y</source>
        <translation>轉置卷積的逐步方式(&amp;Y)</translation>
    </message>
    <message>
        <source>Input cells: each adds its value times the kernel (scatter)</source>
        <translation>逐一輸入格：每格把自己的值乘上卷積核加進輸出（散佈）</translation>
    </message>
    <message>
        <source>Output cells: each is a window of the input spread out (gather)</source>
        <translation>逐一輸出格：每格是撐開後輸入上的一個視窗（收集）</translation>
    </message>
    <message>
        <source>As a &amp;matrix</source>
        <translation>矩陣形式(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Present</source>
        <translation>簡報模式(&amp;P)</translation>
    </message>
    <message>
        <source>Leave the presentation</source>
        <translation>離開簡報模式</translation>
    </message>
    <message>
        <source>&amp;Blank screen</source>
        <translation>黑畫面(&amp;B)</translation>
    </message>
    <message>
        <source>Lan&amp;guage</source>
        <translation>語言(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;About ConvStudio</source>
        <translation>關於 ConvStudio(&amp;A)</translation>
    </message>
    <message>
        <source>Space: play / pause
→ or PageDown: next step
← or PageUp: previous step
Home / End: first / last step
] / [ or Alt+PageDown / Alt+PageUp: next / previous layer
Ctrl+Z / Ctrl+Shift+Z: undo / redo
Ctrl+= / Ctrl+- / Ctrl+0: larger / smaller / actual size
F11: full screen
Ctrl+O / Ctrl+S / Ctrl+Shift+S: open / save / save as
Ctrl+I: open an image
Ctrl+PageDown / Ctrl+PageUp: next / previous lesson
N: the teacher&apos;s note on / off
F9: side panel on / off
Ctrl+H: heat maps on / off
Ctrl+Shift+W: window counts on / off
T: training panel on / off; Shift+Space: play / pause training
Ctrl+B: step through the backward pass on / off (a scene with a target)
M: the current layer as a matrix on / off
F5 or Shift+F5: present (Esc leaves); B or .: blank screen
Q: quiz on / off (→ or PageDown reveals, then steps)
Point at a weight: the values it multiplies (hold Shift: at every step)
Double-click or type in a cell to edit it; Ctrl+V pastes a block.</source>
        <translation>空白鍵：播放 / 暫停
→ 或 PageDown：下一步
← 或 PageUp：上一步
Home / End：第一步 / 最後一步
] / [ 或 Alt+PageDown / Alt+PageUp：下一層 / 上一層
Ctrl+Z / Ctrl+Shift+Z：復原 / 重做
Ctrl+= / Ctrl+- / Ctrl+0：放大 / 縮小 / 實際大小
F11：全螢幕
Ctrl+O / Ctrl+S / Ctrl+Shift+S：開啟 / 儲存 / 另存場景
Ctrl+I：開啟影像
Ctrl+PageDown / Ctrl+PageUp：下一課 / 上一課
N：教師備註 開 / 關
F9：側邊面板 開 / 關
Ctrl+H：熱圖 開 / 關
Ctrl+Shift+W：視窗計數 開 / 關
T：訓練面板 開 / 關；Shift+空白鍵：訓練 播放 / 暫停
Ctrl+B：逐步走過反向傳播 開 / 關（有目標的場景）
M：目前這一層以矩陣顯示 開 / 關
F5 或 Shift+F5：簡報模式（Esc 離開）；B 或 .：黑畫面
Q：測驗 開 / 關（→ 或 PageDown 先揭曉答案，再前進一步）
指向權重：顯示它所乘的值（按住 Shift：所有步驟的值）
雙擊格子或直接輸入即可編輯；Ctrl+V 貼上區塊。</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>說明(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Teacher&apos;s note</source>
        <translation>教師備註(&amp;T)</translation>
    </message>
    <message>
        <source>Play / pause &amp;training</source>
        <translation>訓練 播放 / 暫停(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Keys</source>
        <translation>按鍵(&amp;K)</translation>
    </message>
    <message>
        <source>open another scene</source>
        <translation>開啟另一個場景</translation>
    </message>
    <message>
        <source>Open scene</source>
        <translation>開啟場景</translation>
    </message>
    <message>
        <source>Import kernel</source>
        <translation>匯入卷積核</translation>
    </message>
    <message>
        <source>kernel</source>
        <translation>卷積核</translation>
    </message>
    <message>
        <source>Export kernel</source>
        <translation>匯出卷積核</translation>
    </message>
    <message>
        <source>Could not open the scene. {0} Your work is unchanged.</source>
        <translation>無法開啟場景。{0}你的工作內容沒有變動。</translation>
    </message>
    <message>
        <source>Could not open the scene {0}: {1} Your work is unchanged.</source>
        <translation>無法開啟場景 {0}：{1}你的工作內容沒有變動。</translation>
    </message>
    <message>
        <source>Could not open the scene. {0} has settings that cannot work together: {1} Your work is unchanged.</source>
        <translation>無法開啟場景。{0} 的設定彼此無法同時成立：{1}你的工作內容沒有變動。</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未儲存的變更</translation>
    </message>
    <message>
        <source>The scene has changes that are not saved. Save them before you {0}?</source>
        <translation>場景有尚未儲存的變更。要先儲存再{0}嗎？</translation>
    </message>
    <message>
        <source>Open image</source>
        <translation>開啟影像</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>Save scene as</source>
        <translation>場景另存新檔</translation>
    </message>
    <message>
        <source>Could not save to {0}: {1}. Nothing was changed.</source>
        <translation>無法儲存到 {0}：{1}。沒有任何變更。</translation>
    </message>
    <message>
        <source>The unsaved work of an earlier session could not be read ({0}).</source>
        <translation>無法讀取上次工作階段未儲存的內容（{0}）。</translation>
    </message>
    <message>
        <source> It was kept as {0}.</source>
        <translation>該內容已另存為 {0}。</translation>
    </message>
    <message>
        <source>Restore unsaved work</source>
        <translation>還原未儲存的工作</translation>
    </message>
    <message>
        <source>ConvStudio did not close properly last time. Restore the scene “{0}” as it was at {1}?</source>
        <translation>ConvStudio 上次沒有正常關閉。要把場景「{0}」還原成 {1} 時的狀態嗎？</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按鍵</translation>
    </message>
    <message>
        <source>{0}{1} — ConvStudio</source>
        <translation>{0}{1} — ConvStudio</translation>
    </message>
    <message>
        <source>quit</source>
        <translation>結束</translation>
    </message>
</context>
<context>
    <name>MapGrid</name>
    <message>
        <source>{0} · {1}</source>
        <translation>{0}，{1}</translation>
    </message>
</context>
<context>
    <name>MapModel</name>
    <message>
        <source>A zero put between the map&apos;s cells</source>
        <translation>插在特徵圖格子之間的 0</translation>
    </message>
    <message>
        <source>Padding</source>
        <translation>填充</translation>
    </message>
    <message>
        <source>Input row {0}, column {1}</source>
        <translation>輸入第 {0} 列、第 {1} 行</translation>
    </message>
    <message>
        <source>Row {0}, column {1}: point at it to light its receptive field, click to show its step</source>
        <translation>第 {0} 列、第 {1} 行：指向它可標出它的感受野，按一下可顯示它的那一步</translation>
    </message>
    <message>
        <source>{0}. Contributions so far: {1}</source>
        <extracomment>{0} the cell&apos;s words, {1} how many values were added into it so far.</extracomment>
        <translation>{0}。目前已累加 {1} 個貢獻</translation>
    </message>
    <message>
        <source>pad</source>
        <translation>填充</translation>
    </message>
</context>
<context>
    <name>MatrixView</name>
    <message>
        <source>Layer {0} ({1}) is linear, but only convolutions are shown as matrices.</source>
        <extracomment>Layer types that are linear but shown by no matrix here (a pool of averages). {0} is the layer&apos;s number from 1, {1} its short name (&quot;avg pool 2×2&quot;).</extracomment>
        <translation>第 {0} 層（{1}）是線性的，但只有卷積會以矩陣呈現。</translation>
    </message>
    <message>
        <source>Layer {0} ({1}) has no matrix: it is not linear.</source>
        <extracomment>{0} is the layer&apos;s number from 1, {1} its short name (&quot;ReLU&quot;, &quot;max pool 2×2&quot;).</extracomment>
        <translation>第 {0} 層（{1}）沒有矩陣：它不是線性的。</translation>
    </message>
    <message>
        <source>No matrix: the scene&apos;s settings are impossible.</source>
        <translation>沒有矩陣：這個場景的設定無法計算。</translation>
    </message>
    <message>
        <source>This layer&apos;s matrix would be {0}×{1}: too large to show (at most {2} entries).</source>
        <extracomment>{0}×{1}: the matrix&apos;s rows and columns; {2}: the most entries shown.</extracomment>
        <translation>這一層的矩陣會是 {0}×{1}：太大，無法顯示（最多 {2} 個元素）。</translation>
    </message>
    <message>
        <source>Mᵀ: the transpose of the matrix of the convolution with the same kernel, stride, padding and dilation.</source>
        <translation>Mᵀ：卷積核、步長、填充與膨脹都相同的那個卷積，其矩陣的轉置。</translation>
    </message>
    <message>
        <source>vec(output) = M · vec(input)</source>
        <translation>vec(輸出) = M · vec(輸入)</translation>
    </message>
    <message>
        <source>Layer {0} ({1}), channel {2} → kernel {3}: M is {4}×{5}, a row per output cell and a column per input cell, both in reading order.</source>
        <extracomment>{0}: the layer&apos;s number from 1; {1}: its short name; {2}: the input channel (from 1); {3}: the kernel (from 1); {4}×{5}: the matrix&apos;s rows and columns.</extracomment>
        <translation>第 {0} 層（{1}），通道 {2} → 卷積核 {3}：M 是 {4}×{5}，每個輸出格一列、每個輸入格一行，都依閱讀順序排列。</translation>
    </message>
    <message>
        <source>Kernel {0} does not read channel {1} (another group): every entry of M is 0.</source>
        <extracomment>{0}: the kernel (from 1); {1}: the input channel (from 1).</extracomment>
        <translation>卷積核 {0} 不讀通道 {1}（屬於另一個分組）：M 的每個元素都是 0。</translation>
    </message>
    <message>
        <source>The output adds every channel&apos;s M · vec(input) of the group, and the bias.</source>
        <translation>輸出是這個分組中每個通道的 M · vec(輸入) 相加，再加上偏置。</translation>
    </message>
    <message>
        <source>The output is M · vec(input) plus the bias.</source>
        <translation>輸出是 M · vec(輸入) 再加上偏置。</translation>
    </message>
    <message>
        <source>im2col of the gather form: {0}×{1}, a row per output cell holding its window over the input with zeros inserted and padded, times kernel {2} flipped as a column. That is the output without the bias.</source>
        <extracomment>{0}×{1}: the windows matrix&apos;s rows and columns; {2}: the kernel (from 1).</extracomment>
        <translation>收集形式的 im2col：{0}×{1}，每個輸出格一列，放著它在「插入零並填充後的輸入」上的視窗，乘上翻轉後當成一行的卷積核 {2}。結果就是不含偏置的輸出。</translation>
    </message>
    <message>
        <source>im2col: {0}×{1}, a row per output cell holding its window of the input, times kernel {2} as a column. That is the output without the bias.</source>
        <translation>im2col：{0}×{1}，每個輸出格一列，放著它在輸入上的視窗，乘上當成一行的卷積核 {2}。結果就是不含偏置的輸出。</translation>
    </message>
    <message>
        <source>input row {0}</source>
        <extracomment>A heading over the columns of M that one row of the input map feeds; {0} is the row&apos;s number from 1.</extracomment>
        <translation>輸入第 {0} 列</translation>
    </message>
    <message>
        <source>Output cell ({0}, {1}) does not read input cell ({2}, {3}): 0.</source>
        <extracomment>An entry 0 of M: output cell ({0}, {1}) and input cell ({2}, {3}), from 1.</extracomment>
        <translation>輸出格 ({0}, {1}) 不讀輸入格 ({2}, {3})：0。</translation>
    </message>
    <message>
        <source>Output cell ({0}, {1}) adds input cell ({2}, {3}) × {4}.</source>
        <extracomment>An entry of M: output cell ({0}, {1}) adds input cell ({2}, {3}) times the weight {4}.</extracomment>
        <translation>輸出格 ({0}, {1}) 加上輸入格 ({2}, {3}) × {4}。</translation>
    </message>
    <message>
        <source>channel {0}</source>
        <extracomment>A heading over the im2col columns of one input channel; {0} is its number from 1.</extracomment>
        <translation>通道 {0}</translation>
    </message>
    <message>
        <source>The window of output cell ({0}, {1}), channel {2}, row {3}, column {4}: {5}.</source>
        <extracomment>An entry of the im2col matrix: the window of output cell ({0}, {1}), on input channel {2}, at the window&apos;s row {3} and column {4} (all from 1), holds {5}.</extracomment>
        <translation>輸出格 ({0}, {1}) 的視窗，通道 {2}，第 {3} 列、第 {4} 行：{5}。</translation>
    </message>
    <message>
        <source>Matrix</source>
        <translation>矩陣</translation>
    </message>
    <message>
        <source>im2col</source>
        <translation>im2col</translation>
    </message>
    <message>
        <source>Channel {0}</source>
        <translation>通道 {0}</translation>
    </message>
    <message>
        <source>Kernel {0}</source>
        <translation>卷積核 {0}</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <source>Details…</source>
        <translation>詳細資訊…</translation>
    </message>
    <message>
        <source>Everything ConvStudio had to say at start</source>
        <translation>ConvStudio 啟動時要告訴你的所有事項</translation>
    </message>
    <message>
        <source>What ConvStudio found at start</source>
        <translation>ConvStudio 啟動時發現的問題</translation>
    </message>
</context>
<context>
    <name>Notices</name>
    <message>
        <source>, </source>
        <extracomment>between the names of files in a list: &quot;a.json, b.json&quot;</extracomment>
        <translation>、</translation>
    </message>
    <message>
        <source>{0} at start.</source>
        <translation>啟動時發現 {0}。</translation>
    </message>
    <message>
        <source>{0} and {1} more</source>
        <translation>{0}，另有 {1} 個</translation>
    </message>
    <message>
        <source>{0} set aside at start: {1}.</source>
        <translation>啟動時已將 {0}移到一旁：{1}。</translation>
    </message>
    <message>
        <source>{0} at start: {1}.</source>
        <translation>啟動時發現 {0}：{1}。</translation>
    </message>
</context>
<context>
    <name>Numbers</name>
    <message>
        <source>A cell cannot be empty: type a number such as {0}.</source>
        <translation>格子不能是空的：請輸入數字，例如 {0}。</translation>
    </message>
    <message>
        <source>“{0}” is not a number.</source>
        <translation>「{0}」不是數字。</translation>
    </message>
    <message>
        <source>“{0}” is not a finite number.</source>
        <translation>「{0}」不是有限的數字。</translation>
    </message>
    <message>
        <source>{0} is too large: keep numbers within {1}.</source>
        <extracomment>The slowest a run plays, in training steps per second (issue 20). What the driver aims at: one step per tick of a 15 ms timer, and several in a tick that comes late (a repaint took long), so that a whole run stays above MIN_RATE. The most training steps of one session (about 3 minutes at 60 steps per second): the history of weights stays small, whatever a lecture does. The worked example&apos;s pixels (0..255) need a small rate: a 3×3 kernel over them is stable below about 6·10⁻⁶ (2 / the largest curvature of the loss). Scrambled weights are rounded to this many decimals: numbers a class can read.</extracomment>
        <translation>{0} 太大：數字請保持在 {1} 以內。</translation>
    </message>
    <message>
        <source>Pasted row {0}, column {1}: {2}</source>
        <extracomment>{2} is what is wrong with the number there (a sentence).</extracomment>
        <translation>貼上的第 {0} 列、第 {1} 行：{2}</translation>
    </message>
    <message>
        <source>There are no numbers to paste.</source>
        <translation>沒有可貼上的數字。</translation>
    </message>
</context>
<context>
    <name>OutputModel</name>
    <message>
        <source>pad</source>
        <translation>填充</translation>
    </message>
    <message>
        <source>Output row {0}, column {1}: click to show its step</source>
        <translation>輸出第 {0} 列、第 {1} 行：按一下可顯示它的那一步</translation>
    </message>
    <message>
        <source>A zero put between the map&apos;s cells</source>
        <translation>插在特徵圖格子之間的 0</translation>
    </message>
</context>
<context>
    <name>OutputPanel</name>
    <message>
        <source>Output</source>
        <translation>輸出</translation>
    </message>
    <message>
        <source>Map {0}</source>
        <translation>特徵圖 {0}</translation>
    </message>
    <message>
        <source>Output: none (see the red note)</source>
        <translation>輸出：無（見紅字說明）</translation>
    </message>
    <message>
        <source>{0} · {1}</source>
        <translation>{0}，{1}</translation>
    </message>
</context>
<context>
    <name>PaddedInputModel</name>
    <message>
        <source>Input row {0}, column {1}</source>
        <translation>輸入第 {0} 列、第 {1} 行</translation>
    </message>
    <message>
        <source>: no window reaches this cell</source>
        <translation>：沒有任何視窗涵蓋這一格</translation>
    </message>
    <message>
        <source>A zero put between the input&apos;s cells</source>
        <translation>插在輸入格子之間的 0</translation>
    </message>
    <message>
        <source>Padding: zero</source>
        <translation>填充：零</translation>
    </message>
    <message>
        <source>Padding ({0}): a copy of input row {1}, column {2}</source>
        <translation>填充（{0}）：複製自輸入第 {1} 列、第 {2} 行</translation>
    </message>
    <message>
        <source>It takes part in {0} of the {1} windows.</source>
        <translation>它參與了 {1} 個視窗中的 {0} 個。</translation>
    </message>
    <message>
        <source>It takes part in {0} of the {1} windows of kernel {2}.</source>
        <translation>它參與了卷積核 {2} 的 {1} 個視窗中的 {0} 個。</translation>
    </message>
    <message>
        <source>pad</source>
        <translation>填充</translation>
    </message>
    <message>
        <source>{0} The cell keeps its value.</source>
        <translation>{0}這一格維持原值。</translation>
    </message>
    <message>
        <source>{0} Nothing was pasted.</source>
        <translation>{0}沒有貼上任何內容。</translation>
    </message>
</context>
<context>
    <name>Presets</name>
    <message>
        <source>Lesson: X pattern</source>
        <translation>課程：X 形圖樣</translation>
    </message>
    <message>
        <source>The worked example&apos;s kernel: adds the centre and the four corners of each 3×3 window.</source>
        <translation>範例中的卷積核：把每個 3×3 視窗的中心和四個角相加。</translation>
    </message>
    <message>
        <source>Lesson: vertical edges</source>
        <translation>課程：垂直邊緣</translation>
    </message>
    <message>
        <source>Left column minus right column: large where brightness changes from left to right, 0 on flat areas.</source>
        <translation>左邊一行減右邊一行：亮度由左到右變化的地方值很大，平坦區域為 0。</translation>
    </message>
    <message>
        <source>Lesson: horizontal edges</source>
        <translation>課程：水平邊緣</translation>
    </message>
    <message>
        <source>Top row minus bottom row: large where brightness changes from top to bottom.</source>
        <translation>上面一列減下面一列：亮度由上到下變化的地方值很大。</translation>
    </message>
    <message>
        <source>Box blur (sum)</source>
        <translation>方框模糊（總和）</translation>
    </message>
    <message>
        <source>Adds the 9 values of each window: a blur whose output is 9 times brighter.</source>
        <translation>把每個視窗的 9 個值相加：一種輸出亮 9 倍的模糊。</translation>
    </message>
    <message>
        <source>Box blur (mean)</source>
        <translation>方框模糊（平均）</translation>
    </message>
    <message>
        <source>The average of each 3×3 window (every weight 1/9): smooths noise, keeps the brightness.</source>
        <translation>每個 3×3 視窗的平均（每個權重都是 1/9）：平滑雜訊，保持亮度。</translation>
    </message>
    <message>
        <source>Gaussian 3×3</source>
        <translation>高斯 3×3</translation>
    </message>
    <message>
        <source>A weighted average, heavier in the middle (1 2 1 / 2 4 2 / 1 2 1, over 16): a softer blur than the box.</source>
        <translation>加權平均，中間較重（1 2 1 / 2 4 2 / 1 2 1，除以 16）：比方框模糊更柔和。</translation>
    </message>
    <message>
        <source>Gaussian 5×5</source>
        <translation>高斯 5×5</translation>
    </message>
    <message>
        <source>The 5×5 binomial weights (1 4 6 4 1 by itself, over 256): a wider, smoother blur.</source>
        <translation>5×5 的二項式權重（1 4 6 4 1 與自身相乘，除以 256）：範圍更大、更平滑的模糊。</translation>
    </message>
    <message>
        <source>Motion blur</source>
        <translation>動態模糊</translation>
    </message>
    <message>
        <source>The average along a diagonal: what a camera moving during the shot does.</source>
        <translation>沿對角線取平均：就像拍攝時相機移動的效果。</translation>
    </message>
    <message>
        <source>Sharpen</source>
        <translation>銳化</translation>
    </message>
    <message>
        <source>Five times the centre minus its four neighbours: the value itself plus its difference from the surroundings.</source>
        <translation>中心的五倍減去四個鄰居：值本身加上它與周圍的差。</translation>
    </message>
    <message>
        <source>Unsharp mask 5×5</source>
        <translation>反銳化遮罩 5×5</translation>
    </message>
    <message>
        <source>The value plus (value − its Gaussian blur): sharpens by adding back the detail a blur removes.</source>
        <translation>值加上（值 − 它的高斯模糊）：把模糊去掉的細節加回來，達到銳化。</translation>
    </message>
    <message>
        <source>Laplacian (4 neighbours)</source>
        <translation>拉普拉斯（4 鄰居）</translation>
    </message>
    <message>
        <source>The four neighbours minus four times the centre: 0 on flat and evenly sloping areas, large at edges in any direction.</source>
        <translation>四個鄰居減去中心的四倍：在平坦與均勻傾斜的區域為 0，在任何方向的邊緣都很大。</translation>
    </message>
    <message>
        <source>Laplacian (8 neighbours)</source>
        <translation>拉普拉斯（8 鄰居）</translation>
    </message>
    <message>
        <source>All eight neighbours minus eight times the centre: like the 4-neighbour one, diagonals included.</source>
        <translation>全部八個鄰居減去中心的八倍：和 4 鄰居版相同，但包含對角線。</translation>
    </message>
    <message>
        <source>Outline</source>
        <translation>輪廓</translation>
    </message>
    <message>
        <source>Eight times the centre minus its neighbours: bright outlines, flat areas black.</source>
        <translation>中心的八倍減去它的鄰居：輪廓明亮，平坦區域為黑色。</translation>
    </message>
    <message>
        <source>Sobel x</source>
        <translation>Sobel x</translation>
    </message>
    <message>
        <source>Right minus left, the middle row counted twice: the horizontal gradient, less sensitive to noise than a plain difference.</source>
        <translation>右減左，中間那一列算兩次：水平梯度，比單純相減更不易受雜訊影響。</translation>
    </message>
    <message>
        <source>Sobel y</source>
        <translation>Sobel y</translation>
    </message>
    <message>
        <source>Bottom minus top, the middle column counted twice: the vertical gradient.</source>
        <translation>下減上，中間那一行算兩次：垂直梯度。</translation>
    </message>
    <message>
        <source>Prewitt x</source>
        <translation>Prewitt x</translation>
    </message>
    <message>
        <source>Right column minus left column, each row alike: the simplest horizontal gradient.</source>
        <translation>右邊一行減左邊一行，每列權重相同：最簡單的水平梯度。</translation>
    </message>
    <message>
        <source>Prewitt y</source>
        <translation>Prewitt y</translation>
    </message>
    <message>
        <source>Bottom row minus top row: the simplest vertical gradient.</source>
        <translation>下面一列減上面一列：最簡單的垂直梯度。</translation>
    </message>
    <message>
        <source>Scharr x</source>
        <translation>Scharr x</translation>
    </message>
    <message>
        <source>Like Sobel x with weights 3, 10, 3: a gradient that treats every direction more evenly.</source>
        <translation>類似 Sobel x，但權重為 3、10、3：對各個方向更一致的梯度。</translation>
    </message>
    <message>
        <source>Scharr y</source>
        <translation>Scharr y</translation>
    </message>
    <message>
        <source>Like Sobel y with weights 3, 10, 3.</source>
        <translation>類似 Sobel y，但權重為 3、10、3。</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>恆等</translation>
    </message>
    <message>
        <source>A 1 in the middle: every output value is the input value under it (with valid padding, the border is lost).</source>
        <translation>中間是 1：每個輸出值就是它底下的輸入值（用 valid 填充時，邊框會消失）。</translation>
    </message>
    <message>
        <source>Emboss</source>
        <translation>浮雕</translation>
    </message>
    <message>
        <source>Bottom-right minus top-left, plus the value itself: edges look raised, as if lit from one side.</source>
        <translation>右下減左上，再加上值本身：邊緣看起來像浮起來，彷彿光從一側照來。</translation>
    </message>
    <message>
        <source>1×1 (times 2)</source>
        <translation>1×1（乘以 2）</translation>
    </message>
    <message>
        <source>A 1×1 kernel: doubles every value, looks at no neighbour; with several channels a 1×1 kernel mixes them.</source>
        <translation>1×1 的卷積核：把每個值加倍，不看任何鄰居；有多個通道時，1×1 卷積核會把它們混合。</translation>
    </message>
    <message>
        <source>Even 2×2 (sum)</source>
        <translation>偶數 2×2（總和）</translation>
    </message>
    <message>
        <source>A 2×2 kernel has no centre: under same padding it needs padding on one side only.</source>
        <translation>2×2 的卷積核沒有中心：在 same 填充下只需要在一側填充。</translation>
    </message>
    <message>
        <source>RGB → grey (1×1×3)</source>
        <translation>RGB → 灰階（1×1×3）</translation>
    </message>
    <message>
        <source>0.299 R + 0.587 G + 0.114 B at each pixel: a 1×1 kernel across three channels turns colour into grey. For a 3-channel input.</source>
        <translation>每個像素 0.299 R + 0.587 G + 0.114 B：橫跨三個通道的 1×1 卷積核把彩色轉成灰階。用於 3 通道的輸入。</translation>
    </message>
    <message>
        <source>Vertical edges on R, G and B (3×3×3)</source>
        <translation>R、G、B 上的垂直邊緣（3×3×3）</translation>
    </message>
    <message>
        <source>The lesson&apos;s vertical edge kernel on each of the three channels, added up: one map of colour edges. For a 3-channel input.</source>
        <translation>把課程中的垂直邊緣卷積核用在三個通道上再相加：得到一張彩色邊緣的特徵圖。用於 3 通道的輸入。</translation>
    </message>
    <message>
        <source>lesson</source>
        <translation>課程</translation>
    </message>
    <message>
        <source>blur and smoothing</source>
        <translation>模糊與平滑</translation>
    </message>
    <message>
        <source>sharpen</source>
        <translation>銳化</translation>
    </message>
    <message>
        <source>edges and gradients</source>
        <translation>邊緣與梯度</translation>
    </message>
    <message>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>colour</source>
        <translation>彩色</translation>
    </message>
    <message>
        <source>This is not a ConvStudio kernel file (“format” must be {0}).</source>
        <translation>這不是 ConvStudio 卷積核檔案（「format」必須是 {0}）。</translation>
    </message>
    <message>
        <source>“kernels” must be a list of {{name, weights}}.</source>
        <translation>「kernels」必須是 {{name, weights}} 的清單。</translation>
    </message>
    <message>
        <source>Kernel {0} needs a “name” (text).</source>
        <translation>卷積核 {0} 需要「name」（文字）。</translation>
    </message>
    <message>
        <source>Kernel {0} (“{1}”)</source>
        <translation>卷積核 {0}（「{1}」）</translation>
    </message>
    <message>
        <source>{0}: a name has at most {1} characters.</source>
        <translation>{0}：名稱最多 {1} 個字元。</translation>
    </message>
    <message>
        <source>{0} has {1}, one per input channel; a scene has at most {2}.</source>
        <extracomment>{1} is &quot;500000 slices&quot;, {2} &quot;64 input channels&quot; (both translated apart).</extracomment>
        <translation>{0} 有 {1}（每個輸入通道一個）；場景最多只有 {2}。</translation>
    </message>
    <message>
        <source>{0}, slice {1}</source>
        <translation>{0}，切片 {1}</translation>
    </message>
    <message>
        <source>{0}: every slice of “weights” must be the same size.</source>
        <translation>{0}：「weights」的每個切片大小必須相同。</translation>
    </message>
    <message>
        <source>{0}: “group” and “description” must be text.</source>
        <translation>{0}：「group」和「description」必須是文字。</translation>
    </message>
    <message>
        <source>{0}: “weights” must be rows of numbers, all the same length.</source>
        <translation>{0}：「weights」必須由數字列組成，每列長度相同。</translation>
    </message>
    <message>
        <source>{0}, row {1}, column {2}: {3} is not a number.</source>
        <translation>{0}，第 {1} 列、第 {2} 行：{3} 不是數字。</translation>
    </message>
    <message>
        <source>{0}, row {1}, column {2}: {3} is not a finite number within ±10¹².</source>
        <translation>{0}，第 {1} 列、第 {2} 行：{3} 不是 ±10¹² 範圍內的有限數字。</translation>
    </message>
    <message>
        <source>{0} is larger than {1}×{2}.</source>
        <translation>{0} 大於 {1}×{2}。</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}：{1}</translation>
    </message>
    <message>
        <source>This kernel file was made by {0}; this is ConvStudio {1}, which cannot read its format (version {2}). Install {0} or newer to open it.</source>
        <translation>這個卷積核檔案是 {0} 做的；這裡是 ConvStudio {1}，讀不了它的格式（第 {2} 版）。請安裝 {0} 或更新的版本來開啟它。</translation>
    </message>
    <message>
        <source>Kernel files of version {0} cannot be read here.</source>
        <translation>這裡無法讀取版本 {0} 的卷積核檔案。</translation>
    </message>
    <message>
        <source>a kernel file</source>
        <translation>卷積核檔案</translation>
    </message>
    <message>
        <source>{0} is not valid JSON (line {1}: {2}).</source>
        <translation>{0} 不是有效的 JSON（第 {1} 列：{2}）。</translation>
    </message>
    <message>
        <source>{0} holds a number too long to read.</source>
        <translation>{0} 含有一個太長而無法讀取的數字。</translation>
    </message>
    <message>
        <source>{0} is nested too deeply to be a kernel file.</source>
        <translation>{0} 的巢狀層數太深，不可能是卷積核檔案。</translation>
    </message>
    <message>
        <source>“bias”: {0} is not a finite number or null.</source>
        <translation>「bias」：{0} 不是有限數字，也不是 null。</translation>
    </message>
    <message>
        <source>{0} holds {1} kernels, not one.</source>
        <translation>{0} 含有 {1} 個卷積核，而不是一個。</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>確定</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>關閉</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>儲存</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>捨棄</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>是(&amp;Y)</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>否(&amp;N)</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>開啟</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>說明</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>套用</translation>
    </message>
</context>
<context>
    <name>QShortcut</name>
    <message>
        <source>Space</source>
        <translation>空白鍵</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>左方向鍵</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>右方向鍵</translation>
    </message>
</context>
<context>
    <name>Quiz</name>
    <message>
        <source>“{0}” is not a size: type rows × columns, like {1}.</source>
        <extracomment>{0} is what the user typed; {1} is 4x4, a size as the user types it.</extracomment>
        <translation>「{0}」不是大小：請輸入列 × 行，例如 {1}。</translation>
    </message>
    <message>
        <source>Guess the output&apos;s size first: rows × columns.</source>
        <translation>先猜輸出的大小：列 × 行。</translation>
    </message>
    <message>
        <source>There is no hidden value to guess now: take the next step.</source>
        <translation>現在沒有要猜的隱藏值：請前進到下一步。</translation>
    </message>
    <message>
        <source>The output&apos;s size is not asked now.</source>
        <translation>現在不問輸出的大小。</translation>
    </message>
</context>
<context>
    <name>QuizView</name>
    <message>
        <source>Reveal</source>
        <translation>揭曉</translation>
    </message>
    <message>
        <source>Show the answer (→ or PageDown does too)</source>
        <translation>顯示答案（→ 或 PageDown 也可以）</translation>
    </message>
    <message>
        <source>Output size (rows × columns):</source>
        <translation>輸出大小（列 × 行）：</translation>
    </message>
    <message>
        <source>4×4</source>
        <translation>4×4</translation>
    </message>
    <message>
        <source>Your guess:</source>
        <translation>你的猜測：</translation>
    </message>
    <message>
        <source>Next step: → or PageDown</source>
        <translation>下一步：→ 或 PageDown</translation>
    </message>
    <message>
        <source>{0} of {1} right</source>
        <translation>答對 {0} 題，共 {1} 題</translation>
    </message>
    <message>
        <source>{0} (rows and columns)</source>
        <translation>{0}（列與行）</translation>
    </message>
    <message>
        <source>rows {0}, columns {1}</source>
        <translation>列 {0}，行 {1}</translation>
    </message>
    <message>
        <source>The output is {0}×{1}: {2}</source>
        <translation>輸出是 {0}×{1}：{2}</translation>
    </message>
    <message>
        <source>Your {0}: right! {1}</source>
        <translation>你的 {0}：答對了！{1}</translation>
    </message>
    <message>
        <source>Your {0}: wrong, it is {1}×{2}: {3}</source>
        <translation>你的 {0}：錯了，答案是 {1}×{2}：{3}</translation>
    </message>
</context>
<context>
    <name>Refusals</name>
    <message>
        <source>{0} or {1}</source>
        <extracomment>{0} and {1} are array shapes, H×W and C×H×W (rows, columns, channels).</extracomment>
        <translation>{0} 或 {1}</translation>
    </message>
    <message>
        <source>{0}, {1} or {2}</source>
        <extracomment>{0}, {1} and {2} are array shapes, kH×kW, C×kH×kW and O×C×kH×kW.</extracomment>
        <translation>{0}、{1} 或 {2}</translation>
    </message>
    <message>
        <source>at least {0} in every dimension</source>
        <translation>每個維度至少 {0}</translation>
    </message>
    <message>
        <source>The input is {0}, but it must be {1}.</source>
        <extracomment>{0} is a shape such as 5 or 1×1×5×5; {1} what it must be (translated apart).</extracomment>
        <translation>輸入是 {0}，但必須是 {1}。</translation>
    </message>
    <message>
        <source>The input is a single number, but it must be {0}.</source>
        <translation>輸入只是單一數字，但必須是 {0}。</translation>
    </message>
    <message>
        <source>The kernel is {0}, but it must be {1}.</source>
        <translation>卷積核是 {0}，但必須是 {1}。</translation>
    </message>
    <message>
        <source>The kernel is a single number, but it must be {0}.</source>
        <translation>卷積核只是單一數字，但必須是 {0}。</translation>
    </message>
    <message>
        <source>a single number</source>
        <extracomment>What an array without dimensions is, in &quot;The {0} is {1}, but it must be {2}.&quot;</extracomment>
        <translation>單一數字</translation>
    </message>
    <message>
        <source>The {0} is {1}, but it must be {2}.</source>
        <extracomment>{0} is an English word from the engine; {1} a shape; {2} what it must be.</extracomment>
        <translation>{0} 是 {1}，但必須是 {2}。</translation>
    </message>
    <message>
        <source>Unknown padding {0}; use one of {1}.</source>
        <extracomment>{0} is what the user asked for, quoted; {1} the padding words, valid, same, full.</extracomment>
        <translation>未知的填充 {0}；請使用以下其中之一：{1}。</translation>
    </message>
    <message>
        <source>Unknown padding mode {0}; use one of {1}.</source>
        <translation>未知的填充方式 {0}；請使用以下其中之一：{1}。</translation>
    </message>
    <message>
        <source>Unknown {0} {1}; use one of {2}.</source>
        <extracomment>{0} is an English word from the engine; {1} the value asked for; {2} the choices.</extracomment>
        <translation>未知的 {0} {1}；請使用以下其中之一：{2}。</translation>
    </message>
    <message>
        <source>{0} padding only works with stride {1} (the stride is {2}): with a larger stride the output cannot be as large as the input.</source>
        <extracomment>{0} is &apos;same&apos;, the padding word as the user types it; {1} and {2} are strides.</extracomment>
        <translation>{0} 填充只適用於步長 {1}（目前步長是 {2}）：步長更大時，輸出不可能和輸入一樣大。</translation>
    </message>
    <message>
        <source>The kernel spans {0} rows ({1} taps at dilation {2}) but the padded input has only {3}: make the kernel or the dilation smaller, or add padding.</source>
        <extracomment>{3} is &quot;3 rows&quot; (translated apart); the others are numbers.</extracomment>
        <translation>卷積核跨越 {0} 列（膨脹 {2} 下的 {1} 個取樣點），但填充後的輸入只有 {3}：請縮小卷積核或膨脹，或增加填充。</translation>
    </message>
    <message>
        <source>The kernel spans {0} rows but the padded input has only {1}: make the kernel smaller or add padding.</source>
        <translation>卷積核跨越 {0} 列，但填充後的輸入只有 {1}：請縮小卷積核或增加填充。</translation>
    </message>
    <message>
        <source>The kernel spans {0} columns ({1} taps at dilation {2}) but the padded input has only {3}: make the kernel or the dilation smaller, or add padding.</source>
        <translation>卷積核跨越 {0} 行（膨脹 {2} 下的 {1} 個取樣點），但填充後的輸入只有 {3}：請縮小卷積核或膨脹，或增加填充。</translation>
    </message>
    <message>
        <source>The kernel spans {0} columns but the padded input has only {1}: make the kernel smaller or add padding.</source>
        <translation>卷積核跨越 {0} 行，但填充後的輸入只有 {1}：請縮小卷積核或增加填充。</translation>
    </message>
    <message>
        <source>{0} padding of {1} needs an input of at least {2} rows, and it has {3}: reduce the padding or use {4} or {5} padding.</source>
        <extracomment>{0} is Reflect or Circular, {4} zeros and {5} replicate: padding modes as the user chooses them (they stay in English); {1}, {2}, {3} are numbers.</extracomment>
        <translation>{0} 填充 {1} 圈時，輸入至少要有 {2} 列，但目前只有 {3} 列：請減少填充，或改用 {4} 或 {5} 填充。</translation>
    </message>
    <message>
        <source>{0} padding of {1} needs an input of at least {2} columns, and it has {3}: reduce the padding or use {4} or {5} padding.</source>
        <translation>{0} 填充 {1} 圈時，輸入至少要有 {2} 行，但目前只有 {3} 行：請減少填充，或改用 {4} 或 {5} 填充。</translation>
    </message>
    <message>
        <source>The number of groups must be at least {0}, not {1}.</source>
        <translation>分組數至少要是 {0}，不能是 {1}。</translation>
    </message>
    <message>
        <source>{0} groups must divide both the {1} and the {2}, and they do not.</source>
        <extracomment>{1} is &quot;3 input channels&quot;, {2} &quot;2 kernels&quot; (both translated apart).</extracomment>
        <translation>分組數 {0} 必須能同時整除 {1} 和 {2}，但目前無法整除。</translation>
    </message>
    <message>
        <source>The input has {0}, so each kernel needs {1} with {2} groups, but it has {3}.</source>
        <extracomment>{0} is &quot;3 channels&quot;, {1} &quot;3 slices&quot; (both translated apart); {2}, {3} numbers.</extracomment>
        <translation>輸入有 {0}，所以分成 {2} 組時每個卷積核需要 {1}，但它有 {3} 個。</translation>
    </message>
    <message>
        <source>The input has {0}, so each kernel needs {1}, but it has {2}.</source>
        <translation>輸入有 {0}，所以每個卷積核需要 {1}，但它有 {2} 個。</translation>
    </message>
    <message>
        <source>The padded input would have {0} cells; the most this can compute is {1}. Use less padding or a smaller input.</source>
        <extracomment>{0} and {1} are numbers of cells, written with commas: 123,456,789.</extracomment>
        <translation>填充後的輸入會有 {0} 個格子；最多只能計算 {1} 個。請減少填充或縮小輸入。</translation>
    </message>
    <message>
        <source>The output would have {0} cells; the most this can compute is {1}. Use less padding or a smaller input.</source>
        <translation>輸出會有 {0} 個格子；最多只能計算 {1} 個。請減少填充或縮小輸入。</translation>
    </message>
    <message>
        <source>The {0} would have {1} cells; the most this can compute is {2}. Use less padding or a smaller input.</source>
        <translation>{0} 會有 {1} 個格子；最多只能計算 {2} 個。請減少填充或縮小輸入。</translation>
    </message>
    <message>
        <source>The padding of {0} rows is more than half the window of {1}: padding may be at most {2}.</source>
        <extracomment>A pooling layer&apos;s padding; {0}, {1}, {2} are numbers.</extracomment>
        <translation>{0} 列的填充超過視窗 {1} 的一半：填充最多只能是 {2}。</translation>
    </message>
    <message>
        <source>The padding of {0} columns is more than half the window of {1}: padding may be at most {2}.</source>
        <translation>{0} 行的填充超過視窗 {1} 的一半：填充最多只能是 {2}。</translation>
    </message>
    <message>
        <source>The input has {0} ({1} with padding), fewer than the window&apos;s {2}: no window fits.</source>
        <extracomment>{0} is &quot;1 row&quot; or &quot;3 columns&quot; (translated apart); {1}, {2} are numbers.</extracomment>
        <translation>輸入只有 {0}（加上填充是 {1}），比視窗的 {2} 少：放不下任何一個視窗。</translation>
    </message>
    <message>
        <source>The input has {0}, fewer than the window&apos;s {1}: no window fits.</source>
        <extracomment>{0} is &quot;1 row&quot; or &quot;3 columns&quot; (translated apart); {1} is a number.</extracomment>
        <translation>輸入只有 {0}，比視窗的 {1} 少：放不下任何一個視窗。</translation>
    </message>
    <message>
        <source>Window {0} along the rows reads only padding: use less padding or a smaller dilation.</source>
        <extracomment>{0} is a window&apos;s number along the rows.</extracomment>
        <translation>沿著列方向的第 {0} 個視窗只讀到填充：請減少填充或縮小膨脹。</translation>
    </message>
    <message>
        <source>Window {0} along the columns reads only padding: use less padding or a smaller dilation.</source>
        <translation>沿著行方向的第 {0} 個視窗只讀到填充：請減少填充或縮小膨脹。</translation>
    </message>
    <message>
        <source>The output padding cannot be negative ({0}).</source>
        <translation>輸出填充不能是負數（{0}）。</translation>
    </message>
    <message>
        <source>The output padding of {0} rows must be smaller than the stride ({1}) or the dilation ({2}).</source>
        <extracomment>A transposed convolution&apos;s output padding; {0}, {1}, {2} are numbers.</extracomment>
        <translation>{0} 列的輸出填充必須小於步長（{1}）或膨脹（{2}）。</translation>
    </message>
    <message>
        <source>The output padding of {0} columns must be smaller than the stride ({1}) or the dilation ({2}).</source>
        <translation>{0} 行的輸出填充必須小於步長（{1}）或膨脹（{2}）。</translation>
    </message>
    <message>
        <source>A transposed convolution&apos;s kernels must be {0} = {1} for this input, but they are {2}.</source>
        <extracomment>{0} is torch&apos;s layout of the kernels (kept in English); {1} the shape it must have (&quot;(3, …, 3, 3)&quot;), {2} the shape they have.</extracomment>
        <translation>對這個輸入，轉置卷積的卷積核必須是 {0} = {1}，但它們是 {2}。</translation>
    </message>
    <message>
        <source>The output would have {0} rows: {1}; use less padding.</source>
        <extracomment>{0} is a number of rows (0 or less), {1} the formula that gives it.</extracomment>
        <translation>輸出會有 {0} 列：{1}；請減少填充。</translation>
    </message>
    <message>
        <source>The output would have {0} columns: {1}; use less padding.</source>
        <translation>輸出會有 {0} 行：{1}；請減少填充。</translation>
    </message>
    <message>
        <source>Layer {0} ({1}): {2}</source>
        <extracomment>{0} is the layer&apos;s number from 1, {1} its name (&quot;max pool 2×2&quot;), {2} what is wrong.</extracomment>
        <translation>第 {0} 層（{1}）：{2}</translation>
    </message>
    <message>
        <source>The stride must be at least {0}, not {1}.</source>
        <translation>步長至少要是 {0}，不能是 {1}。</translation>
    </message>
    <message>
        <source>The dilation must be at least {0}, not {1}.</source>
        <translation>膨脹至少要是 {0}，不能是 {1}。</translation>
    </message>
    <message>
        <source>The padding cannot be negative ({0}).</source>
        <translation>填充不能是負數（{0}）。</translation>
    </message>
    <message>
        <source>The bias needs one value per kernel ({0}), but it has {1}.</source>
        <translation>偏置需要每個卷積核一個值（{0} 個），但目前有 {1} 個。</translation>
    </message>
    <message>
        <source>The pooling window must be at least {0}, not {1}.</source>
        <translation>池化視窗至少要是 {0}，不能是 {1}。</translation>
    </message>
</context>
<context>
    <name>Resources</name>
    <message>
        <source>ConvStudio&apos;s installation is damaged: its resources folder {0} is missing. Install ConvStudio again.</source>
        <translation>ConvStudio 的安裝已損壞：找不到它的資源資料夾 {0}。請重新安裝 ConvStudio。</translation>
    </message>
    <message>
        <source>ConvStudio&apos;s installation is damaged: {0} is missing from {1}. Install ConvStudio again.</source>
        <extracomment>The sizes of the app&apos;s icon as PNG (``icons/convstudio-N.png``), as desktops ask for them.</extracomment>
        <translation>ConvStudio 的安裝已損壞：{1} 裡少了 {0}。請重新安裝 ConvStudio。</translation>
    </message>
</context>
<context>
    <name>ScatterTargets</name>
    <message>
        <source>Added into output rows {0}, columns {1}</source>
        <extracomment>{0} the output rows (&quot;1–3&quot;, or &quot;2&quot;), {1} the columns.</extracomment>
        <translation>加進輸出第 {0} 列、第 {1} 行</translation>
    </message>
    <message>
        <source>Added into output rows {0}, columns {1} of map {2}</source>
        <extracomment>{2} the output map&apos;s number.</extracomment>
        <translation>加進特徵圖 {2} 的第 {0} 列、第 {1} 行</translation>
    </message>
    <message>
        <source>Added into output rows {0}, columns {1} of maps {2}</source>
        <extracomment>{2} the output maps&apos; numbers (&quot;1–2&quot;).</extracomment>
        <translation>加進特徵圖 {2} 的第 {0} 列、第 {1} 行</translation>
    </message>
</context>
<context>
    <name>Scene</name>
    <message>
        <source>{0}, entry {1}</source>
        <translation>{0}，第 {1} 項</translation>
    </message>
    <message>
        <source>{0}, row {1}</source>
        <translation>{0}，第 {1} 列</translation>
    </message>
    <message>
        <source>{0}, row {1}, column {2}</source>
        <translation>{0}，第 {1} 列、第 {2} 行</translation>
    </message>
    <message>
        <source>{0}, channel {1}</source>
        <translation>{0}，通道 {1}</translation>
    </message>
    <message>
        <source>{0}, channel {1}, row {2}</source>
        <translation>{0}，通道 {1}、第 {2} 列</translation>
    </message>
    <message>
        <source>{0}, channel {1}, row {2}, column {3}</source>
        <translation>{0}，通道 {1}、第 {2} 列、第 {3} 行</translation>
    </message>
    <message>
        <source>{0}, kernel {1}</source>
        <translation>{0}，卷積核 {1}</translation>
    </message>
    <message>
        <source>{0}, kernel {1}, slice {2}</source>
        <translation>{0}，卷積核 {1}、切片 {2}</translation>
    </message>
    <message>
        <source>{0}, kernel {1}, slice {2}, row {3}</source>
        <translation>{0}，卷積核 {1}、切片 {2}、第 {3} 列</translation>
    </message>
    <message>
        <source>{0}, kernel {1}, slice {2}, row {3}, column {4}</source>
        <translation>{0}，卷積核 {1}、切片 {2}、第 {3} 列、第 {4} 行</translation>
    </message>
    <message>
        <source>{0}-D</source>
        <translation>{0} 維</translation>
    </message>
    <message>
        <source>{0} or {1}</source>
        <translation>{0} 或 {1}</translation>
    </message>
    <message>
        <source>“{0}” must be a non-empty list of rows of numbers.</source>
        <translation>「{0}」必須是非空的清單，每一項是一列數字。</translation>
    </message>
    <message>
        <source>{0}-D or more</source>
        <translation>{0} 維以上</translation>
    </message>
    <message>
        <source>“{0}” must be a {1} list of numbers, not {2}.</source>
        <translation>「{0}」必須是 {1} 的數字清單，而不是 {2}。</translation>
    </message>
    <message>
        <source>{0}: {1} is not a number.</source>
        <translation>{0}：{1} 不是數字。</translation>
    </message>
    <message>
        <source>“target” must be a grid of numbers.</source>
        <translation>「target」必須是由數字組成的網格。</translation>
    </message>
    <message>
        <source>“target” must be a map of C×H×W numbers, not {0}.</source>
        <translation>「target」必須是 C×H×W 個數字的特徵圖，不能是 {0}。</translation>
    </message>
    <message>
        <source>“target” must be {0}, the last layer&apos;s output shape, not {1}.</source>
        <extracomment>{0} and {1} are shapes such as 1×4×4 (channels×rows×columns)</extracomment>
        <translation>「target」必須是 {0}，也就是最後一層輸出的形狀，不能是 {1}。</translation>
    </message>
    <message>
        <source>{0}: {1} is out of range.</source>
        <translation>{0}：{1} 超出範圍。</translation>
    </message>
    <message>
        <source>{0}: expected a list, got {1}.</source>
        <translation>{0}：應該是清單，卻是 {1}。</translation>
    </message>
    <message>
        <source>{0} has {1} entries, but the first has {2}: every row must be the same length.</source>
        <translation>{0} 有 {1} 項，但第一列有 {2} 項：每一列的長度必須相同。</translation>
    </message>
    <message>
        <source>“{0}” is too large ({1}).</source>
        <translation>「{0}」太大（{1}）。</translation>
    </message>
    <message>
        <source>a number of about {0} digits</source>
        <translation>約 {0} 位數的數字</translation>
    </message>
    <message>
        <source>“{0}” must be a whole number or a list of two, not {1}.</source>
        <translation>「{0}」必須是整數或兩個整數的清單，不能是 {1}。</translation>
    </message>
    <message>
        <source>“{0}” must be at least {1}, not {2}.</source>
        <translation>「{0}」至少要是 {1}，不能是 {2}。</translation>
    </message>
    <message>
        <source>“{0}” must be at most {1}, not {2}.</source>
        <translation>「{0}」最多只能是 {1}，不能是 {2}。</translation>
    </message>
    <message>
        <source>The file does not hold a scene (expected a JSON object).</source>
        <translation>這個檔案不含場景（應該是 JSON 物件）。</translation>
    </message>
    <message>
        <source>This is not a ConvStudio scene: “format” is {0}, expected {1}.</source>
        <translation>這不是 ConvStudio 場景：「format」是 {0}，應該是 {1}。</translation>
    </message>
    <message>
        <source>“version” must be a whole number, not {0}.</source>
        <translation>「version」必須是整數，不能是 {0}。</translation>
    </message>
    <message>
        <source>This scene was made by {0}; this is ConvStudio {1}, which cannot read its format (version {2}). Install {0} or newer to open it.</source>
        <translation>這個場景是 {0} 做的；這裡是 ConvStudio {1}，讀不了它的格式（第 {2} 版）。請安裝 {0} 或更新的版本來開啟它。</translation>
    </message>
    <message>
        <source>This scene was saved by a newer ConvStudio (version {0}); this one reads version {1}.</source>
        <translation>這個場景是由較新版的 ConvStudio（版本 {0}）儲存的；目前這一版只能讀取版本 {1}。</translation>
    </message>
    <message>
        <source>“version” must be 1 or 2, not {0}.</source>
        <translation>「version」必須是 1 或 2，不能是 {0}。</translation>
    </message>
    <message>
        <source>Unknown field “{0}”.</source>
        <translation>未知的欄位「{0}」。</translation>
    </message>
    <message>
        <source>The field “{0}” is missing.</source>
        <translation>缺少欄位「{0}」。</translation>
    </message>
    <message>
        <source>“title” must be text.</source>
        <translation>「title」必須是文字。</translation>
    </message>
    <message>
        <source>“layers” must hold at least one “conv2d” or “conv_transpose2d” layer.</source>
        <translation>「layers」至少要有一個「conv2d」或「conv_transpose2d」層。</translation>
    </message>
    <message>
        <source>“bias” must be null or a list of numbers, one per kernel.</source>
        <translation>「bias」必須是 null，或是每個卷積核一個數字的清單。</translation>
    </message>
    <message>
        <source>“padding” must be a number or one of {0}, not {1}.</source>
        <translation>「padding」必須是數字或 {0} 其中之一，不能是 {1}。</translation>
    </message>
    <message>
        <source>“padding_mode” must be one of {0}, not {1}.</source>
        <translation>「padding_mode」必須是 {0} 其中之一，不能是 {1}。</translation>
    </message>
    <message>
        <source>“groups” must be a whole number of at least 1, not {0}.</source>
        <translation>「groups」必須是至少 1 的整數，不能是 {0}。</translation>
    </message>
    <message>
        <source>“groups” must be at most {0}, not {1}.</source>
        <translation>「groups」最多只能是 {0}，不能是 {1}。</translation>
    </message>
    <message>
        <source>“true_convolution” must be true or false, not {0}.</source>
        <translation>「true_convolution」必須是 true 或 false，不能是 {0}。</translation>
    </message>
    <message>
        <source>“channel_names” must be a list of names, one per input channel.</source>
        <translation>「channel_names」必須是名稱清單，每個輸入通道一個。</translation>
    </message>
    <message>
        <source>“channel_names” has {0} names, but the input has {1} channel.</source>
        <translation>「channel_names」有 {0} 個名稱，但輸入有 {1} 個通道。</translation>
    </message>
    <message>
        <source>“channel_names” has {0} names, but the input has {1} channels.</source>
        <translation>「channel_names」有 {0} 個名稱，但輸入有 {1} 個通道。</translation>
    </message>
    <message>
        <source>a scene file</source>
        <translation>場景檔案</translation>
    </message>
    <message>
        <source>{0} is not valid JSON (line {1}, column {2}: {3}).</source>
        <translation>{0} 不是有效的 JSON（第 {1} 列、第 {2} 行：{3}）。</translation>
    </message>
    <message>
        <source>{0} holds a number too long to read.</source>
        <translation>{0} 含有一個太長而無法讀取的數字。</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}：{1}</translation>
    </message>
    <message>
        <source>{0} is nested too deeply to be a scene.</source>
        <translation>{0} 的巢狀層數太深，不可能是場景。</translation>
    </message>
</context>
<context>
    <name>Scenes</name>
    <message>
        <source>Average pooling 2×2 with padding 1: 6×6 → 4×4 → 3×3</source>
        <translation>平均池化 2×2、填充 1：6×6 → 4×4 → 3×3</translation>
    </message>
    <message>
        <source>Kernel 3×3 at stride 2: overlaps of 1, 2 and 4</source>
        <translation>卷積核 3×3、步長 2：重疊 1、2 和 4 次</translation>
    </message>
    <message>
        <source>torch.nn.Conv2d(1, 2, kernel_size=3, stride=2, padding=1, bias=True)</source>
        <translation>torch.nn.Conv2d(1, 2, kernel_size=3, stride=2, padding=1, bias=True)</translation>
    </message>
    <message>
        <source>A convolution and its transpose: 4×4 → 2×2 → 4×4</source>
        <translation>卷積與它的轉置：4×4 → 2×2 → 4×4</translation>
    </message>
    <message>
        <source>Receptive field, parameters and cost of one layer: 6×6×3 → 4×4×3</source>
        <translation>單一層的感受野、參數與成本：6×6×3 → 4×4×3</translation>
    </message>
    <message>
        <source>Depthwise: groups = channels, one kernel per channel</source>
        <translation>深度（depthwise）卷積：分組數 = 通道數，每個通道一個卷積核</translation>
    </message>
    <message>
        <source>Dilation 2: a 3×3 kernel spans 5×5</source>
        <translation>膨脹 2：3×3 卷積核涵蓋 5×5</translation>
    </message>
    <message>
        <source>Stride 2 down, stride 2 up: 4×4 → 2×2 → 4×4</source>
        <translation>步長 2 下、步長 2 上：4×4 → 2×2 → 4×4</translation>
    </message>
    <message>
        <source>A gradient through max pooling and ReLU: 6×6 → 4×4 → 2×2 → 2×2</source>
        <translation>梯度穿過最大池化和 ReLU：6×6 → 4×4 → 2×2 → 2×2</translation>
    </message>
    <message>
        <source>Groups = 2: each kernel sees half the channels, as on AlexNet&apos;s two GPUs</source>
        <translation>分組 = 2：每個卷積核只看到一半的通道，如同 AlexNet 的兩張 GPU</translation>
    </message>
    <message>
        <source>Learn an edge kernel from a photo</source>
        <translation>從照片學出邊緣卷積核</translation>
    </message>
    <message>
        <source>Learn the X kernel: 6×6 input, its 4×4 map as the target</source>
        <translation>學出 X 卷積核：6×6 輸入，以它的 4×4 特徵圖為目標</translation>
    </message>
    <message>
        <source>A learning rate too large: the loss explodes</source>
        <translation>學習率太大：損失爆炸</translation>
    </message>
    <message>
        <source>Max pooling 2×2, stride 2: 6×6 → 4×4 → 2×2</source>
        <translation>最大池化 2×2、步長 2：6×6 → 4×4 → 2×2</translation>
    </message>
    <message>
        <source>Without padding: the map shrinks, and the edges are used less</source>
        <translation>不填充：特徵圖縮小，邊緣也較少被用到</translation>
    </message>
    <message>
        <source>Why kernels are odd: a 2×2 kernel has no centre</source>
        <translation>為什麼卷積核是奇數：2×2 卷積核沒有中心</translation>
    </message>
    <message>
        <source>1×1 convolution: mixing channels at each pixel</source>
        <translation>1×1 卷積：在每個像素混合通道</translation>
    </message>
    <message>
        <source>A convolution, then ReLU: 6×6 → 4×4 → 4×4</source>
        <translation>先卷積，再 ReLU：6×6 → 4×4 → 4×4</translation>
    </message>
    <message>
        <source>RGB 6×6×3 with one 3×3×3 kernel: one 4×4 map</source>
        <translation>RGB 6×6×3 配一個 3×3×3 卷積核：一張 4×4 特徵圖</translation>
    </message>
    <message>
        <source>Two kernels with biases: a 4×4×2 output</source>
        <translation>兩個帶偏置的卷積核：4×4×2 的輸出</translation>
    </message>
    <message>
        <source>A small CNN: 8×8 → 6×6 → 6×6 → 3×3 → 1×1</source>
        <translation>小型 CNN：8×8 → 6×6 → 6×6 → 3×3 → 1×1</translation>
    </message>
    <message>
        <source>When (n + 2p − f)/s is not whole: 6×6, 3×3, stride 2</source>
        <translation>當 (n + 2p − f)/s 不是整數：6×6、3×3、步長 2</translation>
    </message>
    <message>
        <source>Stride 2: a 5×5 input and a 3×3 kernel give 2×2</source>
        <translation>步長 2：5×5 輸入配 3×3 卷積核得到 2×2</translation>
    </message>
    <message>
        <source>Three 3×3 convolutions: 7×7 → 5×5 → 3×3 → 1×1</source>
        <translation>三層 3×3 卷積：7×7 → 5×5 → 3×3 → 1×1</translation>
    </message>
    <message>
        <source>Transposed convolution, kernel 2×2, stride 2: 2×2 → 4×4</source>
        <translation>轉置卷積，卷積核 2×2、步長 2：2×2 → 4×4</translation>
    </message>
    <message>
        <source>Two 3×3 convolutions: 7×7 → 5×5 → 3×3</source>
        <translation>兩層 3×3 卷積：7×7 → 5×5 → 3×3</translation>
    </message>
    <message>
        <source>Valid and same: no padding, or the padding that keeps the size</source>
        <translation>valid 與 same：不填充，或保持大小的填充</translation>
    </message>
    <message>
        <source>Why convolution: 28 parameters instead of 3 000 000 000</source>
        <translation>為什麼要卷積：28 個參數，而不是 3 000 000 000 個</translation>
    </message>
    <message>
        <source>Worked example: 6×6 input, 3×3 kernel</source>
        <translation>實作範例：6×6 輸入，3×3 卷積核</translation>
    </message>
    <message>
        <source>Zero padding: 6×6 padded to 8×8 gives a 6×6 map</source>
        <translation>補零填充：6×6 填充成 8×8，得到 6×6 特徵圖</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>{0} cannot be read: {1}</source>
        <translation>無法讀取 {0}：{1}</translation>
    </message>
    <message>
        <source>{0} is not a regular file</source>
        <translation>{0} 不是一般檔案</translation>
    </message>
    <message>
        <source>Your settings (the window&apos;s place, the language) cannot be read or kept: {0}. The defaults are used for now.</source>
        <translation>無法讀取或保留你的設定（視窗位置、語言）：{0}。目前先使用預設值。</translation>
    </message>
    <message>
        <source>A remembered setting ({0}) was damaged, so it was ignored and the default is used.</source>
        <translation>記住的設定（{0}）已損壞，因此略過它並改用預設值。</translation>
    </message>
</context>
<context>
    <name>SettingsPanel</name>
    <message>
        <source>valid</source>
        <translation>valid</translation>
    </message>
    <message>
        <source>No padding: the window stays inside the input</source>
        <translation>不填充：視窗留在輸入範圍內</translation>
    </message>
    <message>
        <source>same</source>
        <translation>same</translation>
    </message>
    <message>
        <source>Pad so that the output is as large as the input (stride 1 only)</source>
        <translation>填充到輸出和輸入一樣大（僅限步長 1）</translation>
    </message>
    <message>
        <source>full</source>
        <translation>full</translation>
    </message>
    <message>
        <source>Pad so that every partial overlap counts: d·(f−1) on each side</source>
        <translation>填充到每個部分重疊都算進去：每側 d·(f−1)</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>數字</translation>
    </message>
    <message>
        <source>Pad with the rings set beside</source>
        <translation>依旁邊設定的圈數填充</translation>
    </message>
    <message>
        <source>Padded cells are 0</source>
        <translation>填充格為 0</translation>
    </message>
    <message>
        <source>Padded cells mirror the input, without repeating the edge</source>
        <translation>填充格鏡像輸入，不重複邊緣</translation>
    </message>
    <message>
        <source>Padded cells repeat the nearest edge cell</source>
        <translation>填充格重複最近的邊緣格</translation>
    </message>
    <message>
        <source>Padded cells wrap around from the other side</source>
        <translation>填充格從另一側繞回來</translation>
    </message>
    <message>
        <source>Input channels: {0}</source>
        <translation>輸入通道：{0}</translation>
    </message>
    <message>
        <source>RGB</source>
        <translation>RGB</translation>
    </message>
    <message>
        <source>Three channels named R, G and B, like a colour image</source>
        <translation>三個通道，名稱為 R、G、B，如同彩色影像</translation>
    </message>
    <message>
        <source>Kernels: each makes one output map (channel)</source>
        <translation>卷積核：每個產生一張輸出特徵圖（通道）</translation>
    </message>
    <message>
        <source>Groups: each kernel sees channels/groups channels</source>
        <translation>分組：每個卷積核看到 通道數/分組數 個通道</translation>
    </message>
    <message>
        <source>bias</source>
        <translation>偏置</translation>
    </message>
    <message>
        <source>Add one number per kernel to its map</source>
        <translation>為每個卷積核的特徵圖加上一個數字</translation>
    </message>
    <message>
        <source>true convolution</source>
        <translation>真正的卷積</translation>
    </message>
    <message>
        <source>Flip the kernel before sliding it, as mathematics does; deep learning does not (cross-correlation). The equation shows the weights actually used.</source>
        <translation>滑動前先翻轉卷積核，和數學上的做法一樣；深度學習則不翻轉（互相關）。算式會顯示實際使用的權重。</translation>
    </message>
    <message>
        <source>Rings of padding above and below</source>
        <translation>上下各填充幾圈</translation>
    </message>
    <message>
        <source>Rings of padding left and right</source>
        <translation>左右各填充幾圈</translation>
    </message>
    <message>
        <source>How many rows the window moves at each step</source>
        <translation>視窗每一步往下移動幾列</translation>
    </message>
    <message>
        <source>How many columns the window moves</source>
        <translation>視窗往右移動幾行</translation>
    </message>
    <message>
        <source>Rows between the kernel&apos;s taps</source>
        <translation>卷積核取樣點之間的列距</translation>
    </message>
    <message>
        <source>Columns between the kernel&apos;s taps</source>
        <translation>卷積核取樣點之間的行距</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>通道</translation>
    </message>
    <message>
        <source>Kernels</source>
        <translation>卷積核</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>分組</translation>
    </message>
    <message>
        <source>rows</source>
        <translation>列</translation>
    </message>
    <message>
        <source>cols</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Padding</source>
        <translation>填充</translation>
    </message>
    <message>
        <source>Stride</source>
        <translation>步長</translation>
    </message>
    <message>
        <source>Dilation</source>
        <translation>膨脹</translation>
    </message>
    <message>
        <source>Pad with</source>
        <translation>填充方式</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>層</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>視窗</translation>
    </message>
    <message>
        <source>Output size</source>
        <translation>輸出大小</translation>
    </message>
    <message>
        <source>rows:     </source>
        <translation>列： </translation>
    </message>
    <message>
        <source>columns: </source>
        <translation>行： </translation>
    </message>
    <message>
        <source>Hatched input cells are never used.</source>
        <translation>斜線標示的輸入格從未被用到。</translation>
    </message>
    <message>
        <source>{0}{1} The output stays empty until this is fixed.</source>
        <translation>{0}{1}在修正之前，輸出會保持空白。</translation>
    </message>
    <message>
        <source>{0} groups do not divide {1} and {2}, so the groups are back to 1. Ctrl+Z undoes this.</source>
        <translation>分組數 {0} 無法同時整除 {1} 和 {2}，所以分組已改回 1。Ctrl+Z 可以復原。</translation>
    </message>
    <message>
        <source>&apos;same&apos; padding exists only for stride 1 (as in PyTorch), so the padding is now the {0} &apos;same&apos; added. Ctrl+Z undoes this.</source>
        <translation>&apos;same&apos; 填充只適用於步長 1（和 PyTorch 一樣），所以填充已改為 &apos;same&apos; 原本加上的圈數（{0}）。Ctrl+Z 可以復原。</translation>
    </message>
</context>
<context>
    <name>SizeControls</name>
    <message>
        <source>Rows of the {0}: 1 to {1}</source>
        <translation>{0}的列數：1 到 {1}</translation>
    </message>
    <message>
        <source>Columns of the {0}: 1 to {1}</source>
        <translation>{0}的行數：1 到 {1}</translation>
    </message>
</context>
<context>
    <name>TorchPanel</name>
    <message>
        <source>Copy</source>
        <translation>複製</translation>
    </message>
    <message>
        <source>Copy the code to the clipboard</source>
        <translation>把程式碼複製到剪貼簿</translation>
    </message>
    <message>
        <source># No PyTorch code: the settings are impossible.</source>
        <translation># 沒有 PyTorch 程式碼：這些設定無法成立。</translation>
    </message>
</context>
<context>
    <name>Training</name>
    <message>
        <source>The learning rate must be a number above 0, not {0}.</source>
        <extracomment>{0} is what was given: -0.1, 0, nan</extracomment>
        <translation>學習率必須是大於 0 的數，不能是 {0}。</translation>
    </message>
    <message>
        <source>The number of steps must be {0} to {1}, not {2}.</source>
        <extracomment>{0} and {1}: the allowed range (1 and 100000); {2}: what was given</extracomment>
        <translation>步數必須是 {0} 到 {1}，不能是 {2}。</translation>
    </message>
    <message>
        <source>This scene has no target: training needs “target”, the map the last layer should output.</source>
        <translation>這個場景沒有目標：訓練需要「target」，也就是最後一層應該輸出的特徵圖。</translation>
    </message>
    <message>
        <source>At step {0} a weight would pass ±10¹², the largest number the window holds: the run stopped and kept the weights after step {1}. Try a smaller learning rate.</source>
        <extracomment>{0} is the step whose weights were too large, {1} the one before it (kept)</extracomment>
        <translation>第 {0} 步時有權重會超過 ±10¹²，這是視窗能容納的最大數：訓練已停止，保留第 {1} 步之後的權重。請試試較小的學習率。</translation>
    </message>
    <message>
        <source>The loss became too large to compute at step 1: the run stopped and kept the starting weights. Try a smaller learning rate.</source>
        <translation>第 1 步的損失大到無法計算：訓練已停止，並保留起始的權重。請試試較小的學習率。</translation>
    </message>
    <message>
        <source>The loss became too large to compute at step {0}: the run stopped and kept the weights after step {1}. Try a smaller learning rate.</source>
        <extracomment>{0} is the step that overflowed, {1} the one before it (whose weights are kept)</extracomment>
        <translation>第 {0} 步的損失大到無法計算：訓練已停止，並保留第 {1} 步之後的權重。請試試較小的學習率。</translation>
    </message>
    <message>
        <source>The momentum must be a number from {1} to {2}, not {0}; it stays {3}.</source>
        <extracomment>{0} is the momentum typed; {1} and {2} the range; {3} the value kept.</extracomment>
        <translation>動量必須是 {1} 到 {2} 之間的數，不能是 {0}；維持為 {3}。</translation>
    </message>
    <message>
        <source>Play takes {0} to {1} training steps at a time, not {2}.</source>
        <translation>播放一次可走 {0} 到 {1} 個訓練步，不能是 {2}。</translation>
    </message>
    <message>
        <source>With {0} the output would be {1}, but the target must be the size of the output the current kernels make, {2}: give the kernel the preset&apos;s size first.</source>
        <extracomment>{0} a preset&apos;s name; {1} and {2} shapes such as 1×4×4 (channels×rows×columns)</extracomment>
        <translation>用 {0} 時輸出會是 {1}，但目標必須和目前的卷積核算出的輸出一樣大，也就是 {2}：請先把卷積核調成這個預設的大小。</translation>
    </message>
    <message>
        <source>There is no target to train towards: set the target first (to what the current kernels or a preset produce).</source>
        <translation>沒有可以朝它訓練的目標：請先設定目標（設為目前卷積核或某個預設卷積核算出的結果）。</translation>
    </message>
    <message>
        <source>This training holds {0} steps, the most it keeps: reset, or edit the kernels to start again.</source>
        <translation>這次訓練已有 {0} 步，這是最多能保留的步數：請重設，或修改卷積核以重新開始。</translation>
    </message>
    <message>
        <source>The settings are impossible, so there is no output to train: mend them first.</source>
        <translation>目前的設定無法計算，所以沒有輸出可以訓練：請先修正設定。</translation>
    </message>
</context>
<context>
    <name>TrainingPanel</name>
    <message>
        <source>Target T =</source>
        <extracomment>Followed by two buttons: &quot;the current kernels&apos; output&quot;, &quot;a preset&apos;s output&quot;.</extracomment>
        <translation>目標 T =</translation>
    </message>
    <message>
        <source>the current kernels&apos; output</source>
        <translation>目前卷積核的輸出</translation>
    </message>
    <message>
        <source>Set the target T to what the current kernels produce</source>
        <translation>把目標 T 設為目前卷積核算出的結果</translation>
    </message>
    <message>
        <source>a preset&apos;s output</source>
        <translation>預設卷積核的輸出</translation>
    </message>
    <message>
        <source>Set the target T to what a preset kernel produces (the kernels stay)</source>
        <translation>把目標 T 設為某個預設卷積核算出的結果（卷積核本身不變）</translation>
    </message>
    <message>
        <source>Kernels:</source>
        <translation>卷積核：</translation>
    </message>
    <message>
        <source>Scramble</source>
        <translation>打亂</translation>
    </message>
    <message>
        <source>Random weights in every convolution, as PyTorch starts a layer (rounded to two decimals)</source>
        <translation>每個卷積層都換成隨機權重，如同 PyTorch 初始化一層（取到小數點後兩位）</translation>
    </message>
    <message>
        <source>Zero</source>
        <translation>歸零</translation>
    </message>
    <message>
        <source>Every weight and bias of every convolution 0</source>
        <translation>每個卷積層的權重和偏置全部設為 0</translation>
    </message>
    <message>
        <source>Learning rate η</source>
        <translation>學習率 η</translation>
    </message>
    <message>
        <source>η in W ← W − η·dL/dW; type e.g. 1e-6 or 0.000001</source>
        <translation>W ← W − η·dL/dW 中的 η；例如輸入 1e-6 或 0.000001</translation>
    </message>
    <message>
        <source>Momentum μ</source>
        <translation>動量 μ</translation>
    </message>
    <message>
        <source>off</source>
        <translation>關</translation>
    </message>
    <message>
        <source>v ← μ·v + dL/dW, W ← W − η·v; off: plain descent</source>
        <translation>v ← μ·v + dL/dW，W ← W − η·v；關：最基本的梯度下降</translation>
    </message>
    <message>
        <source>Steps N</source>
        <translation>步數 N</translation>
    </message>
    <message>
        <source>How many training steps Play does</source>
        <translation>按一次播放要走幾個訓練步</translation>
    </message>
    <message>
        <source>Reset to the starting weights</source>
        <translation>重設為起始權重</translation>
    </message>
    <message>
        <source>The training step before</source>
        <translation>上一個訓練步</translation>
    </message>
    <message>
        <source>Play N training steps (Shift+Space)</source>
        <translation>播放 N 個訓練步（Shift+空白鍵）</translation>
    </message>
    <message>
        <source>+1 step</source>
        <translation>+1 步</translation>
    </message>
    <message>
        <source>One training step now</source>
        <translation>立刻走一個訓練步</translation>
    </message>
    <message>
        <source>The training step after</source>
        <translation>下一個訓練步</translation>
    </message>
    <message>
        <source>Target T</source>
        <translation>目標 T</translation>
    </message>
    <message>
        <source>No target yet: set one with the buttons.</source>
        <translation>還沒有目標：請用左邊的按鈕設定。</translation>
    </message>
    <message>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>training step</source>
        <translation>訓練步</translation>
    </message>
    <message>
        <source>loss L (log scale)</source>
        <translation>損失 L（對數刻度）</translation>
    </message>
    <message>
        <source>Pause (Shift+Space)</source>
        <translation>暫停（Shift+空白鍵）</translation>
    </message>
    <message>
        <source>Training step {0} of {1}</source>
        <extracomment>{0} is the training step shown, {1} the step the run ends at.</extracomment>
        <translation>第 {0} 個訓練步，共 {1} 步</translation>
    </message>
    <message>
        <source>Training step {0}</source>
        <translation>第 {0} 個訓練步</translation>
    </message>
</context>
<context>
    <name>TransportBar</name>
    <message>
        <source>First step (Home)</source>
        <translation>第一步（Home）</translation>
    </message>
    <message>
        <source>Previous step (← or PageUp)</source>
        <translation>上一步（← 或 PageUp）</translation>
    </message>
    <message>
        <source>Play or pause (Space)</source>
        <translation>播放或暫停（空白鍵）</translation>
    </message>
    <message>
        <source>Next step (→ or PageDown)</source>
        <translation>下一步（→ 或 PageDown）</translation>
    </message>
    <message>
        <source>Last step (End)</source>
        <translation>最後一步（End）</translation>
    </message>
    <message>
        <source>Drag to any step</source>
        <translation>拖曳到任一步</translation>
    </message>
    <message>
        <source> steps/s</source>
        <translation> 步/秒</translation>
    </message>
    <message>
        <source>Playing speed</source>
        <translation>播放速度</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <source>Step {0} of {1}</source>
        <translation>第 {0} 步，共 {1} 步</translation>
    </message>
    <message>
        <source>Pause (Space)</source>
        <translation>暫停（空白鍵）</translation>
    </message>
    <message>
        <source>Play (Space)</source>
        <translation>播放（空白鍵）</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Something went wrong ({0}: {1}). Your numbers are unchanged; Ctrl+Z undoes the last edit.</source>
        <translation>發生了錯誤（{0}：{1}）。你的數字沒有改變；Ctrl+Z 可以復原上一次編輯。</translation>
    </message>
</context>
<context>
    <name>argparse</name>
    <message>
        <source>usage: </source>
        <translation>用法：</translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation>位置參數</translation>
    </message>
    <message>
        <source>options</source>
        <translation>選項</translation>
    </message>
    <message>
        <source>show this help message and exit</source>
        <translation>顯示這份說明後結束</translation>
    </message>
    <message>
        <source>argument %(argument_name)s: %(message)s</source>
        <translation>參數 %(argument_name)s：%(message)s</translation>
    </message>
    <message>
        <source>unrecognized arguments: %s</source>
        <translation>無法辨識的參數：%s</translation>
    </message>
    <message>
        <source>the following arguments are required: %s</source>
        <translation>缺少必要的參數：%s</translation>
    </message>
    <message>
        <source>one of the arguments %s is required</source>
        <translation>需要參數 %s 其中之一</translation>
    </message>
    <message>
        <source>not allowed with argument %s</source>
        <translation>不能和參數 %s 一起使用</translation>
    </message>
    <message>
        <source>ignored explicit argument %r</source>
        <translation>這個選項不接受值 %r</translation>
    </message>
    <message>
        <source>expected one argument</source>
        <translation>需要一個值</translation>
    </message>
    <message>
        <source>expected at most one argument</source>
        <translation>最多只能有一個值</translation>
    </message>
    <message>
        <source>expected at least one argument</source>
        <translation>至少需要一個值</translation>
    </message>
    <message>
        <source>expected %s argument</source>
        <translation>需要 %s 個值</translation>
    </message>
    <message>
        <source>expected %s arguments</source>
        <translation>需要 %s 個值</translation>
    </message>
    <message>
        <source>ambiguous option: %(option)s could match %(matches)s</source>
        <translation>選項 %(option)s 不明確，可能是 %(matches)s</translation>
    </message>
    <message>
        <source>unexpected option string: %s</source>
        <translation>不應出現的選項：%s</translation>
    </message>
    <message>
        <source>invalid %(type)s value: %(value)r</source>
        <translation>無效的 %(type)s 值：%(value)r</translation>
    </message>
    <message>
        <source>invalid choice: %(value)r (choose from %(choices)s)</source>
        <translation>無效的選擇：%(value)r（可選：%(choices)s）</translation>
    </message>
    <message>
        <source>unknown parser %(parser_name)r (choices: %(choices)s)</source>
        <translation>沒有這個指令 %(parser_name)r（可選：%(choices)s）</translation>
    </message>
    <message>
        <source>can&apos;t open &apos;%(filename)s&apos;: %(error)s</source>
        <translation>無法開啟「%(filename)s」：%(error)s</translation>
    </message>
</context>
<context>
    <name>equation_view</name>
    <message>
        <source>Output row {0}, column {1}</source>
        <translation>輸出第 {0} 列、第 {1} 行</translation>
    </message>
    <message>
        <source>Output row {0}, column {1} of map {2}</source>
        <translation>特徵圖 {2} 的輸出第 {0} 列、第 {1} 行</translation>
    </message>
    <message>
        <source>Layer {0}, output row {1}, column {2}</source>
        <translation>第 {0} 層，輸出第 {1} 列、第 {2} 行</translation>
    </message>
    <message>
        <source>{0} of map {1}</source>
        <translation>{0}（特徵圖 {1}）</translation>
    </message>
    <message>
        <source>channel {0}:</source>
        <translation>通道 {0}：</translation>
    </message>
    <message>
        <source>bias</source>
        <translation>偏置</translation>
    </message>
    <message>
        <source>Layer {0}, input channel {1}, row {2}, column {3} = {4}</source>
        <extracomment>{0} the layer&apos;s number, {1} the input channel, {2} {3} the cell, {4} its value.</extracomment>
        <translation>第 {0} 層，輸入通道 {1} 第 {2} 列、第 {3} 行 = {4}</translation>
    </message>
    <message>
        <source>Layer {0}, input row {1}, column {2} = {3}</source>
        <extracomment>{0} the layer&apos;s number, {1} {2} the input cell read, {3} its value.</extracomment>
        <translation>第 {0} 層，輸入第 {1} 列、第 {2} 行 = {3}</translation>
    </message>
</context>
<context>
    <name>image_window</name>
    <message>
        <source>{0} is not an image that can be read (PNG or JPEG).</source>
        <translation>{0} 不是可讀取的影像（PNG 或 JPEG）。</translation>
    </message>
    <message>
        <source>{0} could not be read: {1}.</source>
        <translation>無法讀取 {0}：{1}。</translation>
    </message>
</context>
<context>
    <name>settings_panel</name>
    <message>
        <source> Set the kernels to a multiple of {0} first, then the groups.</source>
        <translation>請先把卷積核數設為 {0} 的倍數，再設定分組。</translation>
    </message>
    <message>
        <source> For the {0} &apos;same&apos; adds at stride 1, choose “a number” and {1}.</source>
        <translation>若要使用步長 1 時 &apos;same&apos; 所加的填充（{0}），請選「數字」並設為 {1}。</translation>
    </message>
    <message>
        <source> With this kernel &apos;same&apos; adds no padding: choose “valid”.</source>
        <translation>用這個卷積核時 &apos;same&apos; 不會加任何填充：請選「valid」。</translation>
    </message>
    <message>
        <source>channel</source>
        <translation>通道</translation>
    </message>
    <message>
        <source>channels</source>
        <translation>通道</translation>
    </message>
    <message>
        <source>kernel {0} sees {1} {2}</source>
        <translation>卷積核 {0} 讀取{1} {2}</translation>
    </message>
    <message>
        <source> (depthwise)</source>
        <translation>（深度卷積）</translation>
    </message>
    <message>
        <source>{0} groups{1}: </source>
        <translation>{0} 個分組{1}：</translation>
    </message>
</context>
</TS>
